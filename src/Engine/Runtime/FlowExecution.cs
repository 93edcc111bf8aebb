using Approval.Activities.Conditions;
using Approval.Activities.Contract;
using Approval.Activities.Definitions;
using Approval.Engine.Definitions;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Runtime;

/// <summary>
/// Moves one instance forward from some tokens until every branch waits or the flow ends.
/// It only changes the tracked entities; the caller saves them in one transaction. The
/// <paramref name="actor"/> is whoever moved it (null for the platform: a signal, a timer).
/// </summary>
internal sealed class FlowExecution(
    ApprovalDbContext db, WorkflowInstance instance, CompiledDefinition flow, DateTimeOffset now, Actor? actor,
    IReadOnlyList<IStepObserver> observers, IServiceProvider? ports = null)
{
    /// <summary>Automatic steps one run may take before the flow is judged to loop without waiting.</summary>
    public const int MaxSteps = 1000;

    private readonly List<WorkflowTask> _createdTasks = [];
    private List<WorkflowTask>? _storedOpenTasks;
    private List<JoinArrival>? _arrivals;
    private IReadOnlyDictionary<string, object?>? _variables;

    public readonly record struct Token(string ActivityId, string Scope, Connection? Via);

    public IReadOnlyList<WorkflowTask> CreatedTasks => _createdTasks;

    public static Token StartToken(CompiledDefinition flow) => new(flow.StartId, Scope.Root, null);

    /// <summary>Records a completed human step and follows its outcome.</summary>
    public async Task CompleteAsync(WorkflowTask task, string outcome, string? comment, CancellationToken ct, StepDetails? details = null)
    {
        var by = actor ?? throw new InvalidOperationException("A human step is completed by someone: the execution was made without an actor.");
        task.Status = WorkTaskStatus.Completed;
        task.Outcome = outcome;
        task.Comment = comment;
        task.LegalBasis = details?.LegalBasis;
        task.CompletedBy = by.UserName;
        task.CompletedAt = now;
        var node = flow.Nodes[task.ActivityId];
        Record(node, outcome, by.UserName, comment, task.Id);
        var step = new CompletedStep(instance, task, node.Descriptor, outcome, by, details);
        foreach (var observer in observers)
        {
            await observer.TaskCompletedAsync(step, ct);
        }

        await RunAsync(await FollowAsync(node, outcome, task.Scope, ct), ct);
    }

    /// <summary>The platform sends a human step a signal (Overdue): its wiring runs, the task stays open.</summary>
    public async Task SignalAsync(WorkflowTask task, string signal, CancellationToken ct)
    {
        var node = flow.Nodes[task.ActivityId];
        Record(node, signal, comment: "platform signal", taskId: task.Id);
        await RunAsync(await FollowAsync(node, signal, task.Scope, ct), ct);
    }

    public async Task RunAsync(IEnumerable<Token> tokens, CancellationToken ct)
    {
        await StepAsync(tokens, ct);
        foreach (var task in _createdTasks.Where(t => t.Status == WorkTaskStatus.Open))
        {
            foreach (var observer in observers)
            {
                await observer.TaskOpenedAsync(instance, task, ct);
            }
        }

        if (instance.Status != InstanceStatus.Running)
        {
            foreach (var observer in observers)
            {
                await observer.InstanceFinishedAsync(instance, ct);
            }
        }
    }

    private async Task StepAsync(IEnumerable<Token> tokens, CancellationToken ct)
    {
        var queue = new Queue<Token>(tokens);
        var steps = 0;
        while (instance.Status == InstanceStatus.Running && queue.TryDequeue(out var token))
        {
            var node = flow.Nodes[token.ActivityId];
            if (++steps > MaxSteps)
            {
                Fault(node, "LoopLimit", $"The flow took more than {MaxSteps} automatic steps without waiting for anyone.");
                return;
            }

            var arrived = node.Descriptor.Purpose == ActivityPurpose.Join ? await ArriveAsync(node, token, ct) : 0;
            ActivityResult result;
            try
            {
                result = await node.Activity.ExecuteAsync(new ActivityContext
                {
                    ActivityId = node.Id,
                    InstanceId = instance.Id,
                    Variables = _variables ??= CaseVariables.Flatten(instance.Variables),
                    Department = instance.Department,
                    InboundConnections = flow.Graph.InboundCount(node.Id),
                    ArrivedConnections = arrived,
                    CancellationToken = ct,
                    Services = ports,
                });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Fault(node, e.GetType().FullName!, e.Message);
                return;
            }

            switch (result)
            {
                case ActivityResult.Completed c when node.Descriptor.HasOutcome(c.Outcome):
                    Record(node, c.Outcome, comment: c.Note is { Length: > 2000 } note ? note[..2000] : c.Note);
                    Enqueue(queue, await FollowAsync(node, c.Outcome, token.Scope, ct));
                    break;
                case ActivityResult.Forked f when node.Descriptor.HasOutcome(f.Outcome):
                    Record(node, f.Outcome);
                    var branch = Scope.Open(token.Scope, node.Id);
                    Enqueue(queue, flow.Graph.Outgoing(node.Id, f.Outcome).Select(c => new Token(c.To, branch, c)));
                    break;
                case ActivityResult.Joined j when node.Descriptor.HasOutcome(j.Outcome):
                    await RemoveArrivalsAsync(a => a.JoinId == node.Id && a.Scope == token.Scope, ct);
                    Record(node, j.Outcome);
                    Enqueue(queue, await FollowAsync(node, j.Outcome, Scope.Parent(token.Scope), ct));
                    break;
                case ActivityResult.WaitingForTask w:
                    OpenTask(node, w, token.Scope);
                    break;
                case ActivityResult.Waiting:
                    break;
                case ActivityResult.Escalated escalation:
                    Record(node, "Escalated", comment: $"{escalation.To} {escalation.Role} {escalation.Severity}".Trim());
                    foreach (var observer in observers)
                    {
                        await observer.EscalatedAsync(instance, node.DisplayName, escalation, ct);
                    }

                    break;
                case ActivityResult.Ended e:
                    Record(node, e.Result ?? "Done");
                    await EndAsync(e.Result, ct);
                    return;
                default:
                    Fault(node, "UndeclaredOutcome", $"'{node.Id}' returned {result}, which is not one of its declared outcomes.");
                    return;
            }
        }
    }

    private static void Enqueue(Queue<Token> queue, IEnumerable<Token> tokens)
    {
        foreach (var token in tokens)
        {
            queue.Enqueue(token);
        }
    }

    // A branch that goes back out of its Fork (a review returned to acceptance) closes its sibling branches.
    private async Task<List<Token>> FollowAsync(FlowNode node, string outcome, string scope, CancellationToken ct)
    {
        var tokens = new List<Token>();
        foreach (var connection in flow.Graph.Outgoing(node.Id, outcome))
        {
            var target = scope;
            while (target != Scope.Root && !flow.IsInsideFork(Scope.ForkId(target), connection.To))
            {
                await CloseScopeAsync(target, ct);
                target = Scope.Parent(target);
            }

            tokens.Add(new Token(connection.To, target, connection));
        }

        return tokens;
    }

    private async Task<int> ArriveAsync(FlowNode join, Token token, CancellationToken ct)
    {
        var arrivals = await ArrivalsAsync(ct);
        var via = token.Via is null ? "" : $"{token.Via.From}:{token.Via.Outcome}";
        if (!arrivals.Any(a => a.JoinId == join.Id && a.Scope == token.Scope && a.Connection == via))
        {
            var arrival = new JoinArrival { InstanceId = instance.Id, JoinId = join.Id, Scope = token.Scope, Connection = via };
            arrivals.Add(arrival);
            db.JoinArrivals.Add(arrival);
        }

        return arrivals.Count(a => a.JoinId == join.Id && a.Scope == token.Scope);
    }

    private void OpenTask(FlowNode node, ActivityResult.WaitingForTask wait, string scope)
    {
        var task = new WorkflowTask
        {
            Id = Guid.CreateVersion7(now),
            InstanceId = instance.Id,
            ActivityId = node.Id,
            ActivityType = node.Descriptor.Type,
            Name = node.DisplayName,
            Role = wait.Role,
            Department = string.IsNullOrWhiteSpace(wait.Department) ? null : wait.Department,
            Scope = scope,
            LimitDays = wait.LimitDays,
            Status = WorkTaskStatus.Open,
            CreatedAt = now,
        };
        _createdTasks.Add(task);
        db.Tasks.Add(task);
    }

    private async Task EndAsync(string? result, CancellationToken ct)
    {
        instance.Status = InstanceStatus.Completed;
        instance.Result = result;
        instance.CompletedAt = now;
        await CloseScopeAsync(Scope.Root, ct);
    }

    private async Task CloseScopeAsync(string scope, CancellationToken ct)
    {
        foreach (var task in (await OpenTasksAsync(ct)).Where(t => Scope.IsWithin(t.Scope, scope)))
        {
            task.Status = WorkTaskStatus.Cancelled;
            task.CompletedAt = now;
        }

        await RemoveArrivalsAsync(a => Scope.IsWithin(a.Scope, scope), ct);
    }

    private async Task<IEnumerable<WorkflowTask>> OpenTasksAsync(CancellationToken ct)
    {
        // A new instance has nothing stored yet; otherwise read its open tasks once per run.
        _storedOpenTasks ??= db.Entry(instance).State == EntityState.Added
            ? []
            : await db.Tasks.Where(t => t.InstanceId == instance.Id && t.Status == WorkTaskStatus.Open && t.Kind == TaskKind.Step).ToListAsync(ct);
        return _storedOpenTasks.Concat(_createdTasks).Where(t => t.Status == WorkTaskStatus.Open);
    }

    private async Task<List<JoinArrival>> ArrivalsAsync(CancellationToken ct) =>
        _arrivals ??= db.Entry(instance).State == EntityState.Added || !flow.HasJoins
            ? []
            : await db.JoinArrivals.Where(a => a.InstanceId == instance.Id).ToListAsync(ct);

    private async Task RemoveArrivalsAsync(Func<JoinArrival, bool> which, CancellationToken ct)
    {
        var arrivals = await ArrivalsAsync(ct);
        foreach (var arrival in arrivals.Where(which).ToList())
        {
            arrivals.Remove(arrival);
            db.JoinArrivals.Remove(arrival);
        }
    }

    private void Record(FlowNode node, string outcome, string? by = null, string? comment = null, Guid? taskId = null) =>
        db.History.Add(new HistoryEntry
        {
            InstanceId = instance.Id,
            ActivityId = node.Id,
            ActivityType = node.Descriptor.Type,
            ActivityName = node.DisplayName,
            Outcome = outcome,
            Actor = by,
            Comment = comment,
            TaskId = taskId,
            At = now,
        });

    private void Fault(FlowNode node, string exceptionType, string message)
    {
        instance.Status = InstanceStatus.Faulted;
        Record(node, "Faulted", comment: message);
        db.Incidents.Add(new Incident
        {
            InstanceId = instance.Id,
            ActivityId = node.Id,
            ExceptionType = exceptionType.Length > 300 ? exceptionType[..300] : exceptionType,
            Message = message.Length > 4000 ? message[..4000] : message,
            At = now,
        });
    }
}
