using System.Security.Claims;
using Approval.Activities.Contract;
using Approval.Engine.Deadlines;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.UseCases;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Consultations;

internal sealed record LogConsultationCommand(string? Question, string? ItemCode = null, ConsultationChannel Channel = ConsultationChannel.Window);

public sealed record ConsultationResponse(
    long Id, DateTimeOffset At, DateOnly Day, string? ItemCode, string? ItemName, string? Department, string? Window, string Question,
    ConsultationChannel Channel, string AnsweredBy);

/// <summary>Logs a consultation at the window desk: window staff only, for an item in the catalogue or none.</summary>
internal sealed class LogConsultation(ApprovalDbContext db, TimeProvider clock)
{
    public const int MaxQuestion = 200;

    public async Task<Result<ConsultationResponse>> RunAsync(LogConsultationCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        if (!actor.Roles.Contains(Roles.WindowStaff))
        {
            return new Refusal.Forbidden("Consultations are logged by window staff.");
        }

        var question = command.Question?.Trim();
        if (string.IsNullOrEmpty(question) || question.Length > MaxQuestion)
        {
            return new Refusal.Invalid("question", $"请用一句话记下咨询的问题（至多 {MaxQuestion} 字）。");
        }

        if (!Enum.IsDefined(command.Channel))
        {
            return new Refusal.Invalid("channel", "channel is Window or Phone.");
        }

        string? name = null, department = null;
        if (!string.IsNullOrWhiteSpace(command.ItemCode))
        {
            var item = await db.PowerItems.AsNoTracking().Where(i => i.Code == command.ItemCode)
                .Select(i => new { i.Name, i.Department }).FirstOrDefaultAsync(ct);
            if (item is null)
            {
                return new Refusal.Invalid("itemCode", $"目录中没有事项 {command.ItemCode}。");
            }

            (name, department) = (item.Name, item.Department);
        }

        var now = clock.GetUtcNow();
        var consultation = new Consultation
        {
            At = now,
            Day = ChinaTime.DateOf(now),
            ItemCode = string.IsNullOrWhiteSpace(command.ItemCode) ? null : command.ItemCode,
            Department = department,
            Window = actor.Window,
            Question = question,
            Channel = command.Channel,
            AnsweredBy = actor.UserName,
        };
        db.Consultations.Add(consultation);
        await db.SaveChangesAsync(ct);
        return ConsultationsApi.From(consultation, name);
    }
}
