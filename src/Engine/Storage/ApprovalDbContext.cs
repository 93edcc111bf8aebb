using Approval.Engine.Audit;
using Approval.Engine.Cases;
using Approval.Engine.Deadlines;
using Approval.Engine.Catalogue;
using Approval.Engine.Definitions;
using Approval.Engine.Identity;
using Approval.Engine.Runtime;
using Approval.Engine.Statistics;
using Approval.Engine.Supervision;
using Approval.Engine.Windows;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Storage;

/// <summary>
/// The platform's database. Each provider has a subclass of its own so that each keeps its own
/// migrations; features configure their entities with IEntityTypeConfiguration classes beside them.
/// </summary>
public abstract class ApprovalDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<DefinitionRecord> Definitions => Set<DefinitionRecord>();

    public DbSet<WorkflowInstance> Instances => Set<WorkflowInstance>();

    public DbSet<WorkflowTask> Tasks => Set<WorkflowTask>();

    public DbSet<HistoryEntry> History => Set<HistoryEntry>();

    public DbSet<JoinArrival> JoinArrivals => Set<JoinArrival>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<DayTotal> DayTotals => Set<DayTotal>();

    public DbSet<DayTotalChange> DayTotalChanges => Set<DayTotalChange>();

    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();

    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    public DbSet<CasePause> CasePauses => Set<CasePause>();

    public DbSet<ClockEvent> ClockEvents => Set<ClockEvent>();

    public DbSet<PowerItem> PowerItems => Set<PowerItem>();

    public DbSet<Warning> Warnings => Set<Warning>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<ItemChange> ItemChanges => Set<ItemChange>();

    public DbSet<DailySnapshot> DailySnapshots => Set<DailySnapshot>();

    public DbSet<TimerOutboxEntry> TimerOutbox => Set<TimerOutboxEntry>();

    public DbSet<ServiceWindow> Windows => Set<ServiceWindow>();

    public DbSet<WindowGrant> WindowGrants => Set<WindowGrant>();

    public DbSet<WindowAssignment> WindowAssignments => Set<WindowAssignment>();

    public DbSet<StaffChange> StaffChanges => Set<StaffChange>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<Materials.CaseMaterial> CaseMaterials => Set<Materials.CaseMaterial>();

    public DbSet<SequenceCounter> SequenceCounters => Set<SequenceCounter>();

    public DbSet<Consultations.Consultation> Consultations => Set<Consultations.Consultation>();

    public DbSet<Notices.CaseNotice> CaseNotices => Set<Notices.CaseNotice>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAppendOnly();
        if (AuditChain.HasPending(this) || SequenceNumbers.HasPending(this))
        {
            throw new InvalidOperationException("Audit entries and numbered entities are saved with SaveChangesAsync, which chains and numbers them.");
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAppendOnly();

        // New audit entries join the chain, and new cases and notices take their numbers, inside the
        // transaction that saves them, under one lock.
        return AuditChain.HasPending(this) || SequenceNumbers.HasPending(this)
            ? AuditChain.SaveAsync(
                this, ct => SequenceNumbers.AssignAsync(this, ct), ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken)
            : base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ApprovalDbContext).Assembly);
        builder.Entity<ApplicationUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(100);
            user.Property(u => u.Department).HasMaxLength(100);
            user.Property(u => u.Window).HasMaxLength(50);
        });
    }

    // History and the audit log are the record of what happened: they are only ever added to.
    private void GuardAppendOnly()
    {
        var changed = ChangeTracker.Entries<HistoryEntry>()
            .FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted);
        if (changed is not null)
        {
            throw new InvalidOperationException($"History entry {changed.Entity.Id} cannot be changed or removed: history is append-only.");
        }

        // Changes were just detected above; a second scan of every tracked entity is not needed.
        var audit = AuditChain.Tracked(this).FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted);
        if (audit is not null)
        {
            throw new InvalidOperationException($"Audit entry {audit.Entity.Sequence} cannot be changed or removed: the audit log is append-only.");
        }
    }
}
