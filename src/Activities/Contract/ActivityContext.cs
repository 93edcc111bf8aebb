namespace Approval.Activities.Contract;

/// <summary>What an activity may know of the instance it runs in.</summary>
public sealed class ActivityContext
{
    public required string ActivityId { get; init; }

    /// <summary>The instance the activity runs in; an application's case has the same id.</summary>
    public Guid InstanceId { get; init; }

    /// <summary>The case data, flattened: nested objects become dotted names (<c>applicant.type</c>).</summary>
    public required IReadOnlyDictionary<string, object?> Variables { get; init; }

    /// <summary>The department that owns the instance; human steps without one of their own go there.</summary>
    public string? Department { get; init; }

    /// <summary>How many connections lead into this activity.</summary>
    public int InboundConnections { get; init; }

    /// <summary>How many of them have delivered a branch in the current parallel scope (for Join).</summary>
    public int ArrivedConnections { get; init; }

    public CancellationToken CancellationToken { get; init; }

    /// <summary>Where the engine offers its ports (<see cref="GetRequiredPort{T}"/>); null where it offers none.</summary>
    public IServiceProvider? Services { get; init; }

    /// <summary>
    /// A port the engine implements for activities that need the platform's records (the window
    /// grants, a case's materials).
    /// </summary>
    /// <exception cref="InvalidOperationException">The engine running the flow offers no such port.</exception>
    public T GetRequiredPort<T>()
        where T : class =>
        Services?.GetService(typeof(T)) as T
        ?? throw new InvalidOperationException($"The engine offers no {typeof(T).Name}: activity '{ActivityId}' cannot run here.");
}
