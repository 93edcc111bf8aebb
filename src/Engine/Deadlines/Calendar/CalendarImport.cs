using System.Text.Json;
using Approval.Engine.Audit;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Deadlines;

/// <summary>
/// On start, stores each Deadlines/Holidays/{year}.json whose year the database does not have yet
/// (a year already there is never overwritten: administrators' edits win), then loads the
/// calendar into memory and tells the listeners which years arrived.
/// </summary>
internal sealed class CalendarImport(
    ApprovalDbContext db, WorkingCalendar calendar, IEnumerable<ICalendarChangeListener> listeners,
    IConfiguration configuration, TimeProvider clock, AuditLog audit, ILogger<CalendarImport> logger)
{
    public async Task ImportAsync(CancellationToken ct = default)
    {
        var folder = configuration["Calendar:Path"] ?? Path.Combine(AppContext.BaseDirectory, "Deadlines", "Holidays");
        var added = new List<int>();
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                if (await ImportAsync(file, ct) is { } year)
                {
                    added.Add(year);
                }
            }
        }
        else
        {
            logger.LogWarning("No holiday folder at {Folder}; every year without data counts Monday to Friday.", folder);
        }

        await calendar.ReloadAsync(db, ct);
        if (added.Count > 0)
        {
            await CalendarChangeNotice.NotifyAsync(listeners, added, logger);
        }
    }

    private async Task<int?> ImportAsync(string file, CancellationToken ct)
    {
        var name = Path.GetFileName(file);
        var document = JsonSerializer.Deserialize<CalendarYearDocument>(await File.ReadAllTextAsync(file, ct), CalendarYearDocument.FileOptions)
            ?? throw new InvalidOperationException($"{name} is empty.");
        if (document.Year is not { } year)
        {
            throw new InvalidOperationException($"{name} does not say its year.");
        }

        if (await db.CalendarYears.AnyAsync(y => y.Year == year, ct))
        {
            return null;
        }

        var problems = document.Validate(year);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{name} is not a valid holiday arrangement: {string.Join("; ", problems.Select(p => $"{p.Where}: {p.Message}"))}");
        }

        var stored = new CalendarYear
        {
            Year = year,
            Source = document.Source!.Trim(),
            UpdatedAt = clock.GetUtcNow(),
            UpdatedBy = "import",
            Days = document.ToDays(year),
        };
        db.CalendarYears.Add(stored);
        audit.Record(AuditActions.CalendarYearSaved, AuditResources.CalendarYear, year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { file = name, source = stored.Source, days = CalendarWrites.AuditDays(stored.Days) }, bySystem: true);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.CalendarYears.AnyAsync(y => y.Year == year, ct))
            {
                throw;
            }

            logger.LogInformation("Calendar {Year} was imported by another node starting at the same time.", year);
            return null;
        }

        logger.LogInformation("Imported the {Year} holiday arrangement from {File}.", year, name);
        return year;
    }
}
