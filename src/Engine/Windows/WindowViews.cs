using Approval.Engine.Catalogue;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Windows;

/// <summary>Windows as the API shows them, with their departments' and items' names from the catalogue.</summary>
internal sealed class WindowViews(ApprovalDbContext db, StaffRoster roster)
{
    public async Task<List<WindowResponse>> ForStaffAsync(List<ServiceWindow> windows, CancellationToken ct)
    {
        var names = await NamesAsync(windows, ct);
        var ids = windows.Select(w => w.Id).ToList();
        var staff = await db.WindowAssignments.AsNoTracking()
            .Where(a => ids.Contains(a.WindowId) && a.EndedOn == null)
            .OrderBy(a => a.StartedOn).ThenBy(a => a.UserName)
            .ToListAsync(ct);
        return [.. windows.Select(w => new WindowResponse(
            w.Number, w.Name, w.Type, WindowNames.Of(w.Type), w.Location, Departments(w, names), w.Head, w.Phone, w.SupervisionPhone,
            Grants(w, names, inForceOnly: false), [.. staff.Where(a => a.WindowId == w.Id).Select(roster.View)], w.UpdatedAt))];
    }

    public async Task<List<PublicWindow>> ForPublicAsync(List<ServiceWindow> windows, CancellationToken ct)
    {
        var names = await NamesAsync(windows, ct);
        return [.. windows.Select(w => new PublicWindow(
            w.Number, w.Name, w.Type, WindowNames.Of(w.Type), w.Location, Departments(w, names), w.Head, w.Phone, w.SupervisionPhone,
            Grants(w, names, inForceOnly: true)))];
    }

    public static string Authority(WindowGrant grant) => grant.MayDecideOnTheSpot ? "受理、当场办结" : "受理";

    private static List<WindowDepartmentView> Departments(ServiceWindow window, Names names) =>
        [.. window.Departments.Select(d => new WindowDepartmentView(
            d.Department, names.Departments.GetValueOrDefault(d.Department, d.Department), d.HeadAuthority, WindowNames.Of(d.HeadAuthority)))];

    private static List<WindowGrantView> Grants(ServiceWindow window, Names names, bool inForceOnly) =>
        [.. window.Grants
            .Where(g => names.Items.TryGetValue(g.ItemCode, out var item) && (!inForceOnly || item.Status != ItemStatus.Cancelled))
            .Select(g => (Grant: g, Item: names.Items[g.ItemCode]))
            .OrderBy(x => x.Item.Department, StringComparer.Ordinal).ThenBy(x => x.Grant.ItemCode, StringComparer.Ordinal)
            .Select(x => new WindowGrantView(
                x.Grant.ItemCode, x.Item.Name, x.Item.Department, x.Item.CaseKind, x.Grant.MayAccept, x.Grant.MayDecideOnTheSpot, Authority(x.Grant)))];

    private async Task<Names> NamesAsync(List<ServiceWindow> windows, CancellationToken ct)
    {
        var codes = windows.SelectMany(w => w.Grants.Select(g => g.ItemCode)).Distinct().ToList();
        var departments = windows.SelectMany(w => w.Departments.Select(d => d.Department)).Distinct().ToList();
        var items = await db.PowerItems.AsNoTracking()
            .Where(i => codes.Contains(i.Code))
            .Select(i => new ItemName(i.Code, i.Name, i.Department, i.CaseKind, i.Status))
            .ToDictionaryAsync(i => i.Code, ct);
        var departmentNames = await db.PowerItems.AsNoTracking()
            .Where(i => departments.Contains(i.Department))
            .GroupBy(i => i.Department)
            .Select(g => new { g.Key, Name = g.Max(i => i.DepartmentName) })
            .ToDictionaryAsync(d => d.Key, d => d.Name!, ct);
        return new Names(items, departmentNames);
    }

    private sealed record ItemName(string Code, string Name, string Department, CaseKind CaseKind, ItemStatus Status);

    private sealed record Names(Dictionary<string, ItemName> Items, Dictionary<string, string> Departments);
}
