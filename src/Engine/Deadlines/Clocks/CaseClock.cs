using Approval.Engine.Cases;
using Approval.Engine.Audit;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Deadlines;

/// <summary>
/// A case's two clocks (法定时限 and 承诺时限) under the Administrative Licensing Law: started by
/// acceptance (or deemed acceptance, Art. 32), stopped by special procedures (Art. 45), extended
/// once (Art. 42), followed by the certificate's own limit (Art. 44). Changes tracked entities only;
/// the caller saves.
/// </summary>
internal sealed class CaseClock(ApprovalDbContext db, WorkingCalendar calendar, TimerSchedule timers, TimeProvider clock, AuditLog audit)
{
    /// <summary>Art. 32: the correction notice is due within 5 working days of receipt.</summary>
    public const int CorrectionNoticeDays = 5;

    /// <summary>Art. 44: the certificate is due within 10 working days of the decision.</summary>
    public const int CertificateDays = 10;

    public DateOnly Today => ChinaTime.Today(clock);

    public DateOnly CorrectionNoticeDue(Case @case) => calendar.AddWorkingDays(@case.ReceivedOn, CorrectionNoticeDays);

    /// <summary>The clerk asks for missing materials: the first notice counts; a late one means acceptance on receipt.</summary>
    public async Task CorrectionNoticeAsync(Case @case, string? by, CancellationToken ct)
    {
        if (@case.AcceptedOn is not null || @case.CorrectionNoticeOn is not null)
        {
            return;
        }

        @case.CorrectionNoticeOn = Today;
        if (Today > CorrectionNoticeDue(@case))
        {
            await AcceptOnReceiptAsync(@case, $"补正告知于 {Today:yyyy-MM-dd} 发出，超过受理后 5 个工作日（{CorrectionNoticeDue(@case):yyyy-MM-dd}），自收到申请之日起即为受理。", by, ct);
            return;
        }

        Record(@case, ClockEventKind.CorrectionNotice, $"一次性告知补正材料（期限 {CorrectionNoticeDue(@case):yyyy-MM-dd}）。", by);
    }

    /// <summary>The application is accepted: the clocks start, from receipt if no timely notice came.</summary>
    public async Task AcceptAsync(Case @case, string? by, CancellationToken ct)
    {
        if (@case.AcceptedOn is not null)
        {
            return;
        }

        if (@case.CorrectionNoticeOn is null && Today > CorrectionNoticeDue(@case))
        {
            await AcceptOnReceiptAsync(@case, $"受理于 {Today:yyyy-MM-dd}，收到申请后 5 个工作日内未告知补正，自收到申请之日起即为受理。", by, ct);
            return;
        }

        @case.AcceptedOn = Today;
        await RecomputeAsync(@case, ClockEventKind.Accepted, $"受理，法定时限 {@case.StatutoryLimit} 个工作日、承诺时限 {@case.PromisedLimit} 个工作日自次日起算。", by, ct);
    }

    public void Decide(Case @case, bool granted, string? by)
    {
        @case.DecidedOn = Today;
        @case.CertificateDue = granted ? calendar.AddWorkingDays(Today, CertificateDays) : null;
        Note(@case, ClockEventKind.Decided, granted ? $"准予，证照须于 {@case.CertificateDue:yyyy-MM-dd} 前送达。" : "不予许可。", by);
    }

    /// <summary>
    /// The flow has finished on <paramref name="on"/>: the day and, for an accepted case, the working days it took
    /// are recorded. A special procedure still under way counts through that day, the deadlines with it.
    /// </summary>
    public async Task CompleteAsync(Case @case, DateOnly on, CancellationToken ct)
    {
        @case.CompletedOn = on;
        if (@case.AcceptedOn is not { } accepted)
        {
            return;
        }

        var stored = await db.CasePauses.AsNoTracking().Where(p => p.CaseId == @case.Id).ToListAsync(ct);
        if (stored.Any(p => p.End is null))
        {
            await RecomputeAsync(@case, ClockEventKind.Recomputed, $"办结时特别程序尚未结束，暂停计至办结日 {on:yyyy-MM-dd}。", null, ct);
        }

        @case.WorkingDaysTaken = calendar.CountWorkingDays(
            accepted, on, [.. stored.Select(p => new DatePause(p.Start, p.End ?? (on > p.Start ? on : p.Start)))]);
    }

    /// <summary>Computes both deadlines anew from acceptance, pauses and extension, and records why.</summary>
    public async Task<bool> RecomputeAsync(Case @case, ClockEventKind kind, string detail, string? by, CancellationToken ct)
    {
        if (@case.AcceptedOn is not { } accepted)
        {
            return false;
        }

        var pauses = await PausesAsync(@case, ct);
        var extension = @case.Extension == ExtensionState.Approved ? @case.ExtensionDays : 0;
        var statutory = calendar.Compute(accepted, @case.StatutoryLimit, pauses, extension);
        var promised = calendar.Compute(accepted, @case.PromisedLimit, pauses, extension);
        var changed = statutory.Date != @case.StatutoryDeadline || promised.Date != @case.PromisedDeadline
            || (statutory.Provisional || promised.Provisional) != @case.DeadlinesProvisional;
        if (changed && kind is ClockEventKind.Recomputed or ClockEventKind.Referred)
        {
            // Pauses, extensions and acceptance have entries of their own that show the deadlines; these do not.
            audit.Record(AuditActions.DeadlineChanged, AuditResources.Case, @case.Id.ToString(), new
            {
                reason = kind,
                detail,
                old = Deadlines(@case),
                @new = new { statutory = statutory.Date, promised = promised.Date, provisional = statutory.Provisional || promised.Provisional },
            });
        }

        @case.StatutoryDeadline = statutory.Date;
        @case.PromisedDeadline = promised.Date;
        @case.DeadlinesProvisional = statutory.Provisional || promised.Provisional;
        @case.ClockVersion++;
        timers.Mark(@case.Id);
        Record(@case, kind, detail, by);
        return changed;
    }

    /// <summary>A case's deadlines as audit entries show them.</summary>
    public static object Deadlines(Case @case) =>
        new { statutory = @case.StatutoryDeadline, promised = @case.PromisedDeadline, provisional = @case.DeadlinesProvisional };

    /// <summary>The pauses as the calendar counts them: an open one runs through today.</summary>
    public async Task<List<DatePause>> PausesAsync(Case @case, CancellationToken ct)
    {
        var stored = db.Entry(@case).State == EntityState.Added
            ? []
            : await db.CasePauses.Where(p => p.CaseId == @case.Id).ToListAsync(ct);
        return [.. stored.Union(db.CasePauses.Local.Where(p => p.CaseId == @case.Id))
            .Select(p => new DatePause(p.Start, p.End ?? (Today > p.Start ? Today : p.Start)))];
    }

    private async Task AcceptOnReceiptAsync(Case @case, string detail, string? by, CancellationToken ct)
    {
        @case.AcceptedOn = @case.ReceivedOn;
        @case.DeemedAccepted = true;
        await RecomputeAsync(@case, ClockEventKind.DeemedAccepted, detail, by, ct);
    }

    /// <summary>Records a clock event that moves no deadline (an extension asked for or refused); timers re-read the case.</summary>
    public void Note(Case @case, ClockEventKind kind, string detail, string? by)
    {
        @case.ClockVersion++;
        timers.Mark(@case.Id);
        Record(@case, kind, detail, by);
    }

    private void Record(Case @case, ClockEventKind kind, string detail, string? by) =>
        db.ClockEvents.Add(new ClockEvent
        {
            CaseId = @case.Id,
            Kind = kind,
            Detail = detail,
            StatutoryDeadline = @case.StatutoryDeadline,
            PromisedDeadline = @case.PromisedDeadline,
            By = by,
            At = clock.GetUtcNow(),
        });
}
