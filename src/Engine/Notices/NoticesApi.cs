using System.Security.Claims;
using Approval.Engine.Access;
using Approval.Engine.Http;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Notices;

/// <summary>
/// A case's notices (文书): whoever may read the case in full (<see cref="CaseAccess"/>) lists them and
/// downloads each as the PDF given; to anyone else the case is not there (404).
/// </summary>
internal static class NoticesApi
{
    public static IEndpointRouteBuilder MapNotices(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{id:guid}/notices").WithTags("Cases").RequireAuthorization(Policies.Cases.Read);
        group.MapGet("", ListAsync).WithSummary("The notices given on the case (受理通知书, 补正告知书, 决定书, 证照 ...), first issued first.");
        group.MapGet("/{noticeId:guid}", DownloadAsync).WithSummary("One notice as its PDF, named by its number.");
        return app;
    }

    private static async Task<Results<Ok<List<NoticeResponse>>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal user, ApprovalDbContext db, IAuthorizationService authorization, CancellationToken ct)
    {
        if (await RefuseAsync(id, user, db, authorization, ct) is { } refused)
        {
            return refused;
        }

        var notices = await db.CaseNotices.AsNoTracking().Where(n => n.CaseId == id)
            .Select(n => new { n.Id, n.CaseId, n.Kind, n.Title, n.Number, n.IssuedOn, n.IssuedAt, n.IssuedBy })
            .ToListAsync(ct);

        // Notices of one instant (a step that issues two) in the order of a case's life, as the kinds are declared.
        return TypedResults.Ok(notices.OrderBy(n => n.IssuedAt).ThenBy(n => (int)n.Kind).Select(n => new NoticeResponse(
            n.Id, n.Kind, n.Title, n.Number, n.IssuedOn, n.IssuedBy, $"/api/cases/{n.CaseId}/notices/{n.Id}")).ToList());
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid id, Guid noticeId, ClaimsPrincipal user, ApprovalDbContext db, IAuthorizationService authorization, NoticeRendering rendering,
        CancellationToken ct)
    {
        if (await RefuseAsync(id, user, db, authorization, ct) is { } refused)
        {
            return refused;
        }

        var notice = await db.CaseNotices.FirstOrDefaultAsync(n => n.Id == noticeId && n.CaseId == id, ct);
        if (notice is null)
        {
            return Problems.NotFound($"Case {id} has no notice {noticeId}.");
        }

        var pdf = await rendering.PdfOfAsync(notice, ct);
        return TypedResults.File(pdf, "application/pdf", $"{notice.Title}{notice.Number}.pdf");
    }

    private static async Task<ProblemHttpResult?> RefuseAsync(
        Guid id, ClaimsPrincipal user, ApprovalDbContext db, IAuthorizationService authorization, CancellationToken ct) =>
        await authorization.RefuseAsync(user, await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct), Operations.Read, $"There is no case {id}.");
}

/// <summary>A notice as listed: its kind and title, its number, when and by whom it was issued, and where to download it.</summary>
public sealed record NoticeResponse(Guid Id, NoticeKind Kind, string Title, string Number, DateOnly IssuedOn, string IssuedBy, string Download);
