using System.Text.Json;
using Approval.Engine.Catalogue;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approval.Engine.Notices;

/// <summary>
/// Draws a notice's PDF once and keeps it. A notice is drawn after the save that issued it, not
/// inside it: its number is given by that save, and the case's deadlines and correction list are set
/// by other observers of the same step, in whatever order they run; after the save all of it is there.
/// The notices of a step are drawn as soon as it is saved (<see cref="NoticeObserver.StepSavedAsync"/>),
/// a clock change's (whose facts the notice keeps) on first download, as is any whose drawing failed.
/// </summary>
internal sealed class NoticeRendering(ApprovalDbContext db, NoticePdf pdf, IOptions<CentreOptions> centre)
{
    /// <summary>The notice's PDF, drawn and saved now unless it was before; <paramref name="notice"/> is tracked and saved.</summary>
    public async Task<byte[]> PdfOfAsync(CaseNotice notice, CancellationToken ct)
    {
        if (notice.Pdf is { } drawn)
        {
            return drawn;
        }

        var @case = db.Cases.Local.FirstOrDefault(c => c.Id == notice.CaseId)
            ?? await db.Cases.AsNoTracking().FirstAsync(c => c.Id == notice.CaseId, ct);
        var itemName = await db.PowerItems.AsNoTracking().Where(i => i.Code == @case.ItemCode).Select(i => i.Name).FirstOrDefaultAsync(ct)
            ?? @case.ItemCode ?? "";
        var facts = JsonSerializer.Deserialize<NoticeFacts>(notice.Facts, CatalogueJson.Options) ?? new NoticeFacts();
        notice.Pdf = pdf.Render(NoticeText.Compose(notice, @case, itemName, facts, centre.Value), notice.IssuedAt);
        await db.SaveChangesAsync(ct);
        return notice.Pdf;
    }
}
