using Approval.Activities.Registry;
using Approval.Activities.Validation;
using static Approval.Activities.Tests.Support.Flows;

namespace Approval.Activities.Tests.Validation;

public sealed partial class DefinitionValidatorTests
{
    [Fact]
    public void Validate_AcceptsAnOverdueSignalWiredToAnEscalation_WhoseBranchStopsThere()
    {
        var definition = Definition(
            [Node("start", "Start"), Node("review", "Review", new { limitDays = 3 }), Node("escalate", "Escalate", new { to = "DepartmentHead", severity = "Red" }), Node("end", "End")],
            [
                Link("start", "Done", "review"),
                Link("review", "Pass", "end"), Link("review", "Return", "end"), Link("review", "Reject", "end"),
                Link("review", "Overdue", "escalate"),
            ]);

        Assert.Empty(DefinitionValidator.Validate(definition, ActivityRegistry.Default));
    }

    [Fact]
    public void Validate_ReportsASignalTheActivityDoesNotHave()
    {
        var definition = Definition(
            [Node("start", "Start"), Node("escalate", "Escalate"), Node("end", "End")],
            [Link("start", "Done", "end"), Link("start", "Overdue", "escalate")]);

        Assert.Contains(DefinitionValidator.Validate(definition, ActivityRegistry.Default), e => e.Code == "undeclared-outcome" && e.ConnectionIndex == 1);
    }

    [Fact]
    public void Validate_AcceptsSeveralConnectionsFromTheOutcomeOfAFork()
    {
        var definition = Definition(
            [Node("start", "Start"), Node("fork", "Fork"), Node("a", "Review"), Node("b", "Review"), Node("join", "Join"), Node("end", "End")],
            [
                Link("start", "Done", "fork"),
                Link("fork", "Done", "a"), Link("fork", "Done", "b"),
                Link("a", "Pass", "join"), Link("a", "Return", "end"), Link("a", "Reject", "end"),
                Link("b", "Pass", "join"), Link("b", "Return", "end"), Link("b", "Reject", "end"),
                Link("join", "Done", "end"),
            ]);

        Assert.Empty(Validate(definition));
    }

    [Fact]
    public void Validate_ReportsConnectionIntoStart()
    {
        var definition = Definition(
            [Node("start", "Start"), Node("decide", "Decide"), Node("end", "End")],
            [Link("start", "Done", "decide"), Link("decide", "Grant", "end"), Link("decide", "Deny", "start")]);

        Assert.Equal([("connection-into-start", "/connections/2/to", "start", 2)], Errors(definition));
    }

    [Fact]
    public void Validate_ReportsUnreachableActivity()
    {
        var definition = Minimal() with { Activities = [Node("start", "Start"), Node("end", "End"), Node("orphan", "End")] };

        Assert.Equal([("unreachable-activity", "/activities/2", "orphan", null)], Errors(definition));
    }

    [Fact]
    public void Validate_ReportsMissingStart()
    {
        var definition = Definition([Node("end", "End")], []);

        Assert.Equal([("missing-start", "/activities", null, null)], Errors(definition));
    }

    [Fact]
    public void Validate_ReportsEveryStartAfterTheFirst()
    {
        var definition = Definition(
            [Node("start", "Start"), Node("second", "Start"), Node("end", "End")],
            [Link("start", "Done", "end"), Link("second", "Done", "end")]);

        // The flow is walked from the first Start, so the second one is also unreachable.
        Assert.Equal(
            [("multiple-starts", "/activities/1", "second", null), ("unreachable-activity", "/activities/1", "second", null)],
            Errors(definition));
    }

    [Fact]
    public void Validate_ReportsNoEndReachable_WhenFlowHasNoEnd()
    {
        var definition = Definition(
            [Node("start", "Start"), Node("decide", "Decide")],
            [Link("start", "Done", "decide"), Link("decide", "Grant", "decide"), Link("decide", "Deny", "decide")]);

        Assert.Equal([("no-end-reachable", "/activities", null, null)], Errors(definition));
    }

    [Fact]
    public void Validate_ReportsNoEndReachable_WhenTheEndIsCutOff()
    {
        var definition = Definition(
            [Node("start", "Start"), Node("decide", "Decide"), Node("end", "End")],
            [Link("start", "Done", "decide"), Link("decide", "Grant", "decide"), Link("decide", "Deny", "decide")]);

        Assert.Equal(
            [
                ("no-end-reachable", "/activities", null, null),
                ("dead-end", "/activities/0", "start", null),
                ("dead-end", "/activities/1", "decide", null),
                ("unreachable-activity", "/activities/2", "end", null),
            ],
            Errors(definition));
    }

    [Fact]
    public void Validate_ReportsDeadEnd_FromWhichNoEndCanBeReached()
    {
        var definition = Definition(
            [Node("start", "Start"), Node("decide", "Decide"), Node("granted", "End"), Node("trap", "Review")],
            [
                Link("start", "Done", "decide"),
                Link("decide", "Grant", "granted"),
                Link("decide", "Deny", "trap"),
                Link("trap", "Pass", "trap"), Link("trap", "Return", "trap"), Link("trap", "Reject", "trap"),
            ]);

        Assert.Equal([("dead-end", "/activities/3", "trap", null)], Errors(definition));
    }

    [Fact]
    public void Validate_ReportsDanglingOutcome()
    {
        var definition = Definition(
            [Node("start", "Start"), Node("decide", "Decide"), Node("end", "End")],
            [Link("start", "Done", "decide"), Link("decide", "Grant", "end")]);

        Assert.Equal([("dangling-outcome", "/activities/1", "decide", null)], Errors(definition));
    }

    [Fact]
    public void Validate_ReportsForkWithOneBranch()
    {
        var definition = Definition(
            [Node("start", "Start"), Node("fork", "Fork"), Node("end", "End")],
            [Link("start", "Done", "fork"), Link("fork", "Done", "end")]);

        Assert.Equal([("invalid-fork", "/activities/1", "fork", null)], Errors(definition));
    }

    [Fact]
    public void Validate_ReportsJoinWithOneIncomingBranch()
    {
        var definition = Definition(
            [Node("start", "Start"), Node("join", "Join"), Node("end", "End")],
            [Link("start", "Done", "join"), Link("join", "Done", "end")]);

        Assert.Equal([("invalid-join", "/activities/1", "join", null)], Errors(definition));
    }
}
