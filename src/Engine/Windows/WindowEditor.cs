using Approval.Engine.Audit;
using Approval.Engine.Catalogue;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Windows;

/// <summary>
/// Adds and changes windows and their grants under the hall's rules. The caller saves, so the
/// sample hall loads in one transaction and a refused change leaves nothing behind.
/// </summary>
internal sealed class WindowEditor(ApprovalDbContext db, TimeProvider clock, AuditLog audit)
{
    /// <summary>A new window; <paramref name="actor"/> is who enters it, for the audit entry (the request's user when null).</summary>
    public ServiceWindow Add(WindowRequest request, Actor? actor = null)
    {
        var now = clock.GetUtcNow();
        var window = new ServiceWindow
        {
            Number = request.Number,
            Name = request.Name,
            Phone = request.Phone,
            SupervisionPhone = request.SupervisionPhone,
            CreatedAt = now,
        };
        Apply(window, request, now);
        db.Windows.Add(window);
        audit.Record(AuditActions.WindowCreated, AuditResources.Window, window.Number, new { window = Snapshot(window) }, actor);
        return window;
    }

    public void Update(ServiceWindow window, WindowRequest request, Actor? actor = null)
    {
        var before = Snapshot(window);
        Apply(window, request, clock.GetUtcNow());
        window.ConcurrencyStamp++;
        audit.Record(AuditActions.WindowUpdated, AuditResources.Window, window.Number, new { changes = AuditDiff.Of(before, Snapshot(window)) }, actor);
    }

    /// <summary>What an audit entry keeps of a window.</summary>
    public static object Snapshot(ServiceWindow window) => new
    {
        window.Name,
        window.Type,
        window.Location,
        Departments = window.Departments.Select(d => new { d.Department, d.HeadAuthority }).ToList(),
        Head = new { window.Head.Name, window.Head.Title },
        window.Phone,
        window.SupervisionPhone,
    };

    /// <summary>
    /// What a change would break among the window's grants: a department taken away whose items it
    /// still serves, or a head's authority lowered under an on-the-spot grant.
    /// </summary>
    public async Task<List<(string Field, string Message)>> CheckAgainstGrantsAsync(
        ServiceWindow window, WindowRequest request, CancellationToken ct)
    {
        var granted = await db.WindowGrants.Where(g => g.WindowId == window.Id)
            .Join(db.PowerItems, g => g.ItemCode, i => i.Code, (g, i) => new { g.ItemCode, g.MayDecideOnTheSpot, i.Department })
            .ToListAsync(ct);
        var departments = request.Departments ?? [];
        var errors = new List<(string, string)>();
        foreach (var group in granted.GroupBy(g => g.Department).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var index = departments.ToList().FindIndex(d => d.Department == group.Key);
            if (index < 0)
            {
                errors.Add(("departments",
                    $"The window serves items of {group.Key} ({string.Join(", ", group.Select(g => g.ItemCode))}); withdraw those grants before removing the department."));
                continue;
            }

            var onTheSpot = group.Where(g => g.MayDecideOnTheSpot).Select(g => g.ItemCode).ToList();
            if (onTheSpot.Count > 0 && departments[index].HeadAuthority < WindowNames.OnTheSpotAuthority)
            {
                errors.Add(($"departments[{index}].headAuthority",
                    $"The window decides items of {group.Key} on the spot ({string.Join(", ", onTheSpot)}), which needs its head to hold at least "
                    + $"middle-level chief's authority (中层正职); withdraw those on-the-spot grants before lowering it."));
            }
        }

        return errors;
    }

    /// <summary>Every reason the window may not hold <paramref name="request"/> for <paramref name="item"/>.</summary>
    public static List<(string Field, string Message)> CheckGrant(ServiceWindow window, PowerItem item, WindowGrantRequest request)
    {
        var errors = new List<(string, string)>();
        if (!request.MayAccept && !request.MayDecideOnTheSpot)
        {
            errors.Add(("mayAccept", "A grant lets the window accept the item; to withdraw it, DELETE the grant."));
        }
        else if (request.MayDecideOnTheSpot && !request.MayAccept)
        {
            errors.Add(("mayDecideOnTheSpot", "A window decides on the spot only what it accepts: set mayAccept too."));
        }

        if (!window.Serves(item.Department))
        {
            errors.Add(("itemCode",
                $"Window {window.Number} serves {string.Join(", ", window.Departments.Select(d => d.Department))}; item {item.Code} belongs to {item.Department}."));
        }

        if (item.Status == ItemStatus.Cancelled)
        {
            errors.Add(("itemCode", $"Item {item.Code} is cancelled; no window may serve it."));
        }

        if (request.MayDecideOnTheSpot)
        {
            if (item.CaseKind != CaseKind.Instant)
            {
                errors.Add(("mayDecideOnTheSpot", $"Only an instant item (即办件) is decided on the spot; {item.Code} is a promised item (承诺件)."));
            }

            var authority = window.HeadAuthorityIn(item.Department);
            if (window.Serves(item.Department) && authority < WindowNames.OnTheSpotAuthority)
            {
                errors.Add(("mayDecideOnTheSpot",
                    $"An on-the-spot grant needs the window head to hold at least middle-level chief's approval authority (中层正职) of {item.Department}; "
                    + $"the head of window {window.Number} holds {authority} ({WindowNames.Of(authority)})."));
            }
        }

        return errors;
    }

    /// <summary>Gives or changes the window's grant for the item; checked first with <see cref="CheckGrant"/>.</summary>
    public WindowGrant Grant(ServiceWindow window, string itemCode, WindowGrantRequest request, string? by, Actor? actor = null)
    {
        var grant = window.Grants.FirstOrDefault(g => g.ItemCode == itemCode);
        var before = grant is null ? null : new { grant.MayAccept, grant.MayDecideOnTheSpot };
        audit.Record(AuditActions.WindowGranted, AuditResources.Window, window.Number, new
        {
            itemCode,
            old = before,
            @new = new { request.MayAccept, request.MayDecideOnTheSpot },
        }, actor);
        if (grant is null)
        {
            grant = new WindowGrant { ItemCode = itemCode };
            window.Grants.Add(grant);
        }

        grant.MayAccept = request.MayAccept;
        grant.MayDecideOnTheSpot = request.MayDecideOnTheSpot;
        grant.GrantedAt = clock.GetUtcNow();
        grant.GrantedBy = by;
        return grant;
    }

    private static void Apply(ServiceWindow window, WindowRequest request, DateTimeOffset now)
    {
        window.Name = request.Name;
        window.Type = request.Type;
        window.Location = string.IsNullOrWhiteSpace(request.Location) ? null : request.Location;
        window.Departments = [.. (request.Departments ?? []).Select(d => d with { })];
        window.Head = new WindowHead(request.Head!.Name.Trim(), string.IsNullOrWhiteSpace(request.Head.Title) ? null : request.Head.Title);
        window.Phone = request.Phone;
        window.SupervisionPhone = request.SupervisionPhone;
        window.UpdatedAt = now;
    }
}
