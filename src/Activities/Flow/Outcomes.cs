namespace Approval.Activities.Flow;

/// <summary>Outcome names shared by several activities.</summary>
public static class Outcomes
{
    public const string Done = "Done";
    public const string True = "True";
    public const string False = "False";
}
