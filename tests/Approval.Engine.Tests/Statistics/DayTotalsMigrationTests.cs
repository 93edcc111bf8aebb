using Approval.Engine.Cases;
using Approval.Engine.Catalogue;
using Approval.Engine.Runtime;
using Approval.Engine.Statistics;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Approval.Engine.Tests.Statistics;

/// <summary>A database that ran the first statistics migration (totals upserted by triggers) moves on to the change queue.</summary>
public sealed class DayTotalsMigrationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"approval-daytotals-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    // Guards the upgrade: the totals the first triggers kept stay, and the changes after it reach them through the fold.
    [Fact]
    public async Task TotalsKeptByTheFirstTriggers_CarryOn_ThroughTheChangeQueue()
    {
        await using var db = new SqliteApprovalDbContext(Options(withoutLaterCaseColumns: false));
        await db.GetService<IMigrator>().MigrateAsync("Statistics");
        var accepted = new DateOnly(2026, 3, 2);
        var (early, late) = (NewCase(accepted), NewCase(accepted));

        // Saved before the later migrations run, so through a model without the columns they add.
        await using (var before = new SqliteApprovalDbContext(Options(withoutLaterCaseColumns: true)))
        {
            before.AddRange(early, late);
            await before.SaveChangesAsync();
        }

        await db.Database.MigrateAsync();
        db.AttachRange(early, late);
        early.CompletedOn = accepted.AddDays(2);
        early.WorkingDaysTaken = 2;
        late.CompletedOn = accepted.AddDays(30);
        late.WorkingDaysTaken = 20;
        await db.SaveChangesAsync();
        Assert.Equal(4, await db.DayTotalChanges.CountAsync());
        await new DayTotalsFold(db).RunAsync();

        Assert.Equal(0, await db.DayTotalChanges.CountAsync());
        var totals = await db.DayTotals.AsNoTracking().ToListAsync();
        Assert.Equal(2, totals.Where(t => t.Day == accepted).Sum(t => t.Accepted));
        Assert.Equal(1, totals.Where(t => t.Day == accepted.AddDays(2)).Sum(t => t.CompletedOnTime));
        Assert.Equal(1, totals.Where(t => t.Day == accepted.AddDays(30)).Sum(t => t.Completed - t.CompletedOnTime));
        Assert.Equal(2, totals.Sum(t => t.PromisedDue));
        Assert.Equal(1, totals.Sum(t => t.PromisedDueMet));
    }

    // Cases filed before numbering began take numbers in the order received, and the day's sequence carries on after them.
    [Fact]
    public async Task CasesFiledBeforeNumbering_AreNumbered_AndTheSequenceCarriesOn()
    {
        await using var db = new SqliteApprovalDbContext(Options(withoutLaterCaseColumns: false));
        await db.GetService<IMigrator>().MigrateAsync("Statistics");
        var received = new DateOnly(2026, 3, 2);
        var (early, late, other) = (NewCase(received), NewCase(received), NewCase(received.AddDays(1)));
        early.ReceivedAt = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
        late.ReceivedAt = early.ReceivedAt.AddHours(2);
        await using (var before = new SqliteApprovalDbContext(Options(withoutLaterCaseColumns: true)))
        {
            before.AddRange(late, early, other);
            await before.SaveChangesAsync();
        }

        await db.Database.MigrateAsync();
        var numbered = await db.Cases.AsNoTracking().ToDictionaryAsync(c => c.Id, c => (c.Number, c.QueryCode));
        var next = NewCase(received);
        next.NumberPrefix = CaseNumbers.Prefix("452624", received, trial: false);
        db.Add(next);
        await db.SaveChangesAsync();

        Assert.Equal("452624-20260302-0001", numbered[early.Id].Number);
        Assert.Equal("452624-20260302-0002", numbered[late.Id].Number);
        Assert.Equal("452624-20260303-0001", numbered[other.Id].Number);
        Assert.All(numbered.Values, n => Assert.True(CaseNumbers.IsQueryCode(n.QueryCode), n.QueryCode));
        Assert.Equal("452624-20260302-0003", next.Number);
    }

    private DbContextOptions<SqliteApprovalDbContext> Options(bool withoutLaterCaseColumns)
    {
        var options = new DbContextOptionsBuilder<SqliteApprovalDbContext>().UseSqlite($"Data Source={_path}");
        return (withoutLaterCaseColumns ? options.ReplaceService<IModelCustomizer, WithoutLaterCaseColumns>() : options).Options;
    }

    /// <summary>The Cases table as the Statistics migration left it: without the columns later migrations added (Trial, Number, QueryCode, CorrectionMaterials, FeeCharged, FeeReceipt).</summary>
    private sealed class WithoutLaterCaseColumns(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
    {
        public override void Customize(ModelBuilder modelBuilder, DbContext context)
        {
            base.Customize(modelBuilder, context);
            modelBuilder.Entity<Case>().Ignore(c => c.Trial).Ignore(c => c.Number).Ignore(c => c.QueryCode)
                .Ignore(c => c.CorrectionMaterials).Ignore(c => c.FeeCharged).Ignore(c => c.FeeReceipt);
        }
    }

    private static Case NewCase(DateOnly accepted)
    {
        var id = Guid.CreateVersion7();
        return new Case
        {
            Id = id,
            Instance = new WorkflowInstance { Id = id, DefinitionId = "standard-licence", DefinitionVersion = 1, Department = "market-regulation" },
            ItemCode = "T-1",
            Department = "market-regulation",
            CreatedBy = "test",
            ReceivedOn = accepted,
            AcceptedOn = accepted,
            AcceptedWindow = "W01",
            Kind = CaseKind.Promised,
            StatutoryLimit = 20,
            PromisedLimit = 10,
            PromisedDeadline = accepted.AddDays(14),
            StatutoryDeadline = accepted.AddDays(28),
        };
    }
}
