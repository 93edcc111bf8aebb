using System.Text.Json;
using Approval.Activities.Human;
using Approval.Engine.Catalogue;
using Approval.Engine.Runtime;
using Approval.Engine.Storage;
using Approval.Engine.Tasks;
using Approval.Engine.UseCases;
using Approval.Engine.Windows;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Cases;

/// <summary>
/// What an application's steps ask of their outcomes, as the law and the centre's rules have it
/// (an acceptance with a material missing stays possible: the window's authorisation then refers the
/// case to the department rather than deciding it on the spot); a correction notice (一次性补正告知,
/// Art. 32) once per application, listing every missing required material at once; a refusal to accept
/// (不予受理) with its reasons and legal basis; a return, rejection or denial with its reason; and a
/// certificate charged as the item's fee schedule says (<see cref="FeeSchedule"/>), with the receipt.
/// A trial case (试运行) keeps none of them: it has no item.
/// </summary>
internal sealed class CaseCompletionRules(ApprovalDbContext db) : ICompletionRule
{
    public const int MaxListed = 50;
    public const int MaxText = 1000;

    public async ValueTask<Refusal?> CheckAsync(
        WorkflowTask task, string outcome, string? comment, StepDetails details, Actor actor, CancellationToken ct)
    {
        if (task.Kind != TaskKind.Step)
        {
            return null;
        }

        if (ReasonRequired(task.ActivityType, outcome) is { } reasoned && string.IsNullOrWhiteSpace(comment))
        {
            return new Refusal.Invalid("comment", reasoned);
        }

        if (details.LegalBasis?.Length > MaxText || details.FeeReceipt?.Length > 50)
        {
            return new Refusal.Invalid(details.LegalBasis?.Length > MaxText ? "legalBasis" : "feeReceipt",
                $"法律依据至多 {MaxText} 字，票据号至多 50 字。");
        }

        if (ShapeProblem(details) is { } shape)
        {
            return shape;
        }

        var @case = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == task.InstanceId, ct);
        if (@case?.ItemCode is null)
        {
            return null;
        }

        var item = await db.PowerItems.AsNoTracking().FirstAsync(i => i.Code == @case.ItemCode, ct);
        return (task.ActivityType, outcome) switch
        {
            (Accept.TypeName, Accept.NeedsCorrection) => Correction(@case, item, details),
            (Accept.TypeName, Accept.Refused) => string.IsNullOrWhiteSpace(details.LegalBasis)
                ? new Refusal.Invalid("legalBasis", "不予受理须写明法律依据（legalBasis）。")
                : null,
            (nameof(Certify), Certify.Issued) => FeeProblem(item, details),
            _ => null,
        };
    }

    /// <summary>Why a reason (comment) is required with this outcome of this step, or null when it is not; the desks mark such buttons.</summary>
    public static string? ReasonRequired(string activityType, string outcome) => (activityType, outcome) switch
    {
        (Accept.TypeName, Accept.Refused) => "不予受理须写明理由（comment）。",
        (nameof(Review), Review.Return) => "退回须写明理由（comment）。",
        (nameof(Review), Review.Reject) => "驳回须写明理由（comment）。",
        (Decide.TypeName, Decide.Deny) => "不予许可须写明理由（comment）。",
        _ => null,
    };

    /// <summary>The materials as the window ticked them now, or as they were listed on filing.</summary>
    public static string Supplied(Case @case, StepDetails details) =>
        details.Materials is { } ticked ? JsonSerializer.Serialize(ticked, CatalogueJson.Options) : @case.Materials;

    private static Refusal? Correction(Case @case, PowerItem item, StepDetails details)
    {
        if (@case.CorrectionNoticeOn is not null)
        {
            return new Refusal.Conflict("本申请已于 " + @case.CorrectionNoticeOn.Value.ToString("yyyy-MM-dd") + " 一次性告知补正，不得再次要求补正：请受理或不予受理。")
            {
                Title = "The correction notice was given already",
            };
        }

        var listed = (details.MissingMaterials ?? []).Select(m => m.Trim()).Where(m => m.Length > 0).ToList();
        if (listed.Count == 0)
        {
            return new Refusal.Invalid("missingMaterials", "补正告知须列明需要补正的全部材料（missingMaterials）。");
        }

        // Every required material not handed in is on the notice, at once: none may be asked for later.
        var missing = MaterialCheck.Missing(item.Materials, Supplied(@case, details));
        var names = listed.Select(MaterialCheck.Normalize).ToHashSet();
        // A name may hold brackets of its own (法定代表人（负责人）身份证明): only the shortfall's note is cut off.
        var left = missing.Select(m => m.Split(MaterialCheck.ShortBy)[0]).Where(m => !names.Contains(MaterialCheck.Normalize(m))).ToList();
        return left.Count == 0 ? null
            : new Refusal.Invalid("missingMaterials", $"一次性告知须列明全部所缺材料，还缺：{string.Join("、", left)}。");
    }

    private static Refusal.Invalid? FeeProblem(PowerItem item, StepDetails details)
    {
        if (FeeSchedule.Refusal(item.Fee, details.Fee) is { } wrong)
        {
            return new Refusal.Invalid("fee", wrong);
        }

        return details.Fee > 0 && string.IsNullOrWhiteSpace(details.FeeReceipt)
            ? new Refusal.Invalid("feeReceipt", "收取费用须填写票据号（feeReceipt）。")
            : null;
    }

    private static Refusal.Invalid? ShapeProblem(StepDetails details)
    {
        if (details.MissingMaterials is { Count: > MaxListed } || details.Materials is { Count: > 100 })
        {
            return new Refusal.Invalid(details.Materials is { Count: > 100 } ? "materials" : "missingMaterials", $"至多列 {MaxListed} 项补正材料、100 项收件材料。");
        }

        for (var i = 0; i < (details.MissingMaterials?.Count ?? 0); i++)
        {
            if (details.MissingMaterials![i] is not { Length: > 0 and <= 200 } name || string.IsNullOrWhiteSpace(name))
            {
                return new Refusal.Invalid($"missingMaterials[{i}]", "每项补正材料须有名称，至多 200 字。");
            }
        }

        for (var i = 0; i < (details.Materials?.Count ?? 0); i++)
        {
            var m = details.Materials![i];
            if (m is null || string.IsNullOrWhiteSpace(m.Name) || m.Name.Length > 200 || m.Originals is < 0 or > 99 || m.Copies is < 0 or > 99)
            {
                return new Refusal.Invalid($"materials[{i}]", "每项材料须有名称（至多 200 字），原件、复印件份数在 0 到 99 之间。");
            }
        }

        return null;
    }
}

/// <summary>Keeps on the case what its steps gave: the materials ticked at acceptance, the correction's list, the fee charged.</summary>
internal sealed class CaseRecordObserver(ApprovalDbContext db) : IStepObserver
{
    public ValueTask TaskOpenedAsync(WorkflowInstance instance, WorkflowTask task, CancellationToken ct) => ValueTask.CompletedTask;

    public async ValueTask TaskCompletedAsync(CompletedStep step, CancellationToken ct)
    {
        if (step.Details is not { } details || (details.Materials is null && details.MissingMaterials is null && details.Fee is null))
        {
            return;
        }

        var @case = db.Cases.Local.FirstOrDefault(c => c.Id == step.Instance.Id)
            ?? await db.Cases.FirstOrDefaultAsync(c => c.Id == step.Instance.Id, ct);
        if (@case is null)
        {
            return;
        }

        if (details.Materials is not null && step.Task.ActivityType == Accept.TypeName)
        {
            @case.Materials = CaseCompletionRules.Supplied(@case, details);
        }

        if (details.MissingMaterials is { } missing && step.Outcome == Accept.NeedsCorrection)
        {
            @case.CorrectionMaterials = JsonSerializer.Serialize(missing.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct().ToList(), CatalogueJson.Options);
        }

        if (step.Outcome == Certify.Issued && details.Fee is { } fee)
        {
            (@case.FeeCharged, @case.FeeReceipt) = (fee, string.IsNullOrWhiteSpace(details.FeeReceipt) ? null : details.FeeReceipt.Trim());
        }
    }

    public ValueTask InstanceFinishedAsync(WorkflowInstance instance, CancellationToken ct) => ValueTask.CompletedTask;

    public ValueTask StepSavedAsync(CancellationToken ct) => ValueTask.CompletedTask;
}
