namespace Approval.Activities.Contract;

/// <summary>Describes an activity type for the registry and the designer's palette.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string type, string displayName, string englishName) : Attribute
{
    /// <summary>The name used in definitions' <c>type</c> field.</summary>
    public string Type { get; } = type;

    /// <summary>Chinese name shown first in the designer.</summary>
    public string DisplayName { get; } = displayName;

    public string EnglishName { get; } = englishName;

    public string Category { get; init; } = ActivityCategories.Flow;

    public string Description { get; init; } = "";

    /// <summary>What the platform does with it (a join, the acceptance, the decision), if anything.</summary>
    public ActivityPurpose Purpose { get; init; }
}

/// <summary>An outcome (port) an activity may finish with.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class OutcomeAttribute(string name, string displayName) : Attribute
{
    public string Name { get; } = name;

    public string DisplayName { get; } = displayName;
}

/// <summary>
/// A signal (信号) an activity can be sent by the platform, not chosen by a person: a flow may wire
/// it like an outcome, and need not. Human steps have <c>Overdue</c>, sent when the step's own
/// limit passes; following it does not close the step's task.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class SignalAttribute(string name, string displayName) : Attribute
{
    public string Name { get; } = name;

    public string DisplayName { get; } = displayName;
}

/// <summary>A property of an activity that a definition sets and the designer edits.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ActivityInputAttribute(string displayName, string englishName) : Attribute
{
    public string DisplayName { get; } = displayName;

    public string EnglishName { get; } = englishName;

    public string Description { get; init; } = "";

    public PropertyKind Kind { get; init; } = PropertyKind.Text;

    public bool Required { get; init; }

    /// <summary>The least value a <see cref="PropertyKind.Number"/> property may have.</summary>
    public double Minimum { get; init; } = double.MinValue;

    /// <summary>The greatest value a <see cref="PropertyKind.Number"/> property may have.</summary>
    public double Maximum { get; init; } = double.MaxValue;

    /// <summary>The allowed values of a <see cref="PropertyKind.Choice"/> property.</summary>
    public string[]? Options { get; init; }
}

/// <summary>How a property's value is edited and checked.</summary>
public enum PropertyKind
{
    Text,
    Number,
    Boolean,
    Choice,
    Role,
    Department,
    Condition,
}

public static class ActivityCategories
{
    public const string Flow = "流程控制";
    public const string Approval = "审批环节";
    public const string Supervision = "电子监察";
    public const string Window = "窗口办理";
}
