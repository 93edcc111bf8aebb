using System.Security.Claims;
using Approval.Activities.Contract;
using Approval.Engine.Access;
using Approval.Engine.Deadlines;
using Approval.Engine.Http;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Consultations;

/// <summary>Consultations over HTTP: logged by window staff; read by the clerk (their own), and the supervision office and administrators (all).</summary>
internal static class ConsultationsApi
{
    public static IEndpointRouteBuilder MapConsultations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/consultations").WithTags("Consultations").RequireAuthorization(Policies.Staff);
        group.MapPost("", LogAsync).WithSummary("Log a consultation (咨询) at the window: {question, itemCode?, channel: Window|Phone}.");
        group.MapGet("", ListAsync).WithSummary(
            "Consultations, newest first: a clerk's own; every one for the supervision office and administrators. ?from=&to= (YYYY-MM-DD) &item= &skip=&take=.");
        return app;
    }

    public static ConsultationResponse From(Consultation c, string? itemName) => new(
        c.Id, c.At, c.Day, c.ItemCode, itemName, c.Department, c.Window, c.Question, c.Channel, c.AnsweredBy);

    private static async Task<Results<Created<ConsultationResponse>, ProblemHttpResult, ValidationProblem>> LogAsync(
        LogConsultationCommand command, ClaimsPrincipal user, LogConsultation log, CancellationToken ct) =>
        (await log.RunAsync(command, user, ct)).ToHttp(c => TypedResults.Created($"/api/consultations/{c.Id}", c));

    private static async Task<Results<Ok<List<ConsultationResponse>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, ApprovalDbContext db, CancellationToken ct,
        string? from = null, string? to = null, string? item = null, int skip = 0, int take = 100)
    {
        var actor = Actor.From(user);
        if (!actor.Roles.Overlaps([Roles.WindowStaff, Roles.Supervisor, Roles.Administrator]))
        {
            return Problems.Forbidden("Consultations are read by window staff, the supervision office and administrators.");
        }

        var problems = new List<CalendarProblem>();
        var first = from is null ? null : PublicCalendarApi.ParseDate(from, "from", problems);
        var last = to is null ? null : PublicCalendarApi.ParseDate(to, "to", problems);
        if (skip < 0 || take is < 1 or > 500)
        {
            problems.Add(new("take", "skip is 0 or more, take between 1 and 500."));
        }

        if (problems.Count > 0)
        {
            return Problems.Invalid("The consultation query is not valid.", problems.Select(p => (p.Where, p.Message)));
        }

        var query = db.Consultations.AsNoTracking();
        query = actor.Roles.Overlaps([Roles.Supervisor, Roles.Administrator]) ? query : query.Where(c => c.AnsweredBy == actor.UserName);
        query = first is null ? query : query.Where(c => c.Day >= first);
        query = last is null ? query : query.Where(c => c.Day <= last);
        query = item is null ? query : query.Where(c => c.ItemCode == item);
        var rows = await query.OrderByDescending(c => c.Id).Skip(skip).Take(take).ToListAsync(ct);
        var codes = rows.Select(r => r.ItemCode).OfType<string>().Distinct().ToList();
        var names = await db.PowerItems.AsNoTracking().Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, i => i.Name, ct);
        return TypedResults.Ok(rows.Select(r => From(r, r.ItemCode is null ? null : names.GetValueOrDefault(r.ItemCode))).ToList());
    }
}

internal static class ConsultationsExtensions
{
    /// <summary>Consultations logged at the windows (咨询登记).</summary>
    public static WebApplicationBuilder AddConsultations(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<LogConsultation>();
        return builder;
    }
}
