namespace Approval.Activities.Windows;

/// <summary>
/// The port through which <see cref="WindowAuthorization"/> learns what the platform knows of an
/// accepted application (its item, its materials, the window that accepted it and that window's
/// grant) and refers it to the department. The engine implements it over its records.
/// </summary>
public interface IWindowAuthority
{
    /// <summary>What the decision needs to know of the instance's application.</summary>
    ValueTask<WindowAuthorizationFacts> GetFactsAsync(Guid instanceId, CancellationToken ct);

    /// <summary>
    /// The application goes to the department: an instant item's promise of the acceptance day
    /// becomes the time within which the department replies (<paramref name="replyLimitDays"/>, or
    /// the platform's rule when null). Returns what was set, for the history.
    /// </summary>
    ValueTask<string?> ReferAsync(Guid instanceId, int? replyLimitDays, CancellationToken ct);
}

/// <summary>What the window-authorisation decision rests on.</summary>
public sealed record WindowAuthorizationFacts
{
    /// <summary>The item applied for; null when the instance is not an application for an item.</summary>
    public string? ItemCode { get; init; }

    public string? ItemName { get; init; }

    /// <summary>The item is an instant item (即办件).</summary>
    public bool Instant { get; init; }

    /// <summary>The required materials of the one-time notification list that were not handed in, as shown to people.</summary>
    public IReadOnlyList<string> MissingMaterials { get; init; } = [];

    /// <summary>The clerk who accepted the application.</summary>
    public string? AcceptedBy { get; init; }

    /// <summary>The window that clerk serves at, by number; null when the clerk serves at none.</summary>
    public string? Window { get; init; }

    /// <summary>The window holds the grant to decide this item on the spot (当场办结).</summary>
    public bool MayDecideOnTheSpot { get; init; }

    /// <summary>The approval authority the window head holds in the item's department, as shown to people.</summary>
    public string? HeadAuthority { get; init; }

    /// <summary>That authority is enough for an on-the-spot grant (at least the department's middle-level chief's).</summary>
    public bool HeadAuthorityMeetsGrant { get; init; }
}
