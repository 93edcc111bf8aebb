using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Statistics;

/// <summary>
/// Folds the pending <see cref="DayTotalChange"/>s into the <see cref="DayTotal"/>s: every report does
/// it first, so it reads every change saved before it, and <see cref="DayTotalsFolder"/> does it in
/// the background so that few are ever pending. One transaction reads the last change, adds what the
/// changes up to it contribute and deletes them; a change saved meanwhile waits for the next fold,
/// and two folds at once take turns at the database's write lock.
/// </summary>
internal sealed class DayTotalsFold(ApprovalDbContext db)
{
    /// <summary>Folds what is pending; answers how many changes that was.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        if (!await db.DayTotalChanges.AnyAsync(ct))
        {
            return 0;
        }

        var sql = DayTotalsSql.Fold(db.Database.IsSqlServer());
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var last = await db.DayTotalChanges.MaxAsync(c => (long?)c.Id, ct);
            var folded = last is { } id ? await db.DayTotalChanges.CountAsync(c => c.Id <= id, ct) : 0;
            if (last is { } upTo)
            {
                await db.Database.ExecuteSqlRawAsync(sql, [upTo], ct);
            }

            await transaction.CommitAsync(ct);
            return folded;
        });
    }
}

/// <summary>Folds the pending day-total changes every Statistics:FoldSeconds (60; 0: only when a report is read).</summary>
internal sealed class DayTotalsFolder(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DayTotalsFolder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Statistics:FoldSeconds", 60);
        if (seconds <= 0)
        {
            return;
        }

        // Housekeeping on the wall clock: how often it runs is no part of any figure.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DayTotalsFold>().RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Folding the day-total changes failed; the next fold or report takes them.");
            }
        }
    }
}
