using System.Text.Json;
using Approval.Activities.Contract;
using Approval.Activities.Definitions;
using Approval.Activities.Registry;
using Approval.Activities.Validation;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;

namespace Approval.Designer.Canvas;

/// <summary>A step of the flow on the canvas: one input port, and a port for each outcome and signal.</summary>
public sealed class ActivityNodeModel : NodeModel
{
    public ActivityNodeModel(ActivityNode node, ActivityDescriptor descriptor, Point position)
        : base(position)
    {
        ActivityId = node.Id;
        Descriptor = descriptor;
        DisplayName = node.Name;
        Properties = new Dictionary<string, JsonElement>(node.Properties, StringComparer.Ordinal);
        Input = (InputPortModel)AddPort(new InputPortModel(this));
        foreach (var outcome in descriptor.Outcomes)
        {
            AddPort(new OutcomePortModel(this, outcome, isSignal: false));
        }

        foreach (var signal in descriptor.Signals)
        {
            AddPort(new OutcomePortModel(this, signal, isSignal: true));
        }

        // The widget's geometry is fixed (see ActivityNodeWidget): the node's size and its ports' places
        // are known here, so the browser is never asked to measure them. With 150 steps that saves
        // some 750 round trips before the canvas can be used.
        ControlledSize = true;
        Size = new Size(Width, Height);
        LayOutPorts();
    }

    public const double Width = 164;
    public const double HeadHeight = 46;
    public const double RowHeight = 24;
    public const double ErrorLineHeight = 20;
    public const double PortSize = 14;
    private const double Border = 1;

    /// <summary>The height drawn: the head, a row per outcome and signal, and a line per error.</summary>
    public double Height => HeadHeight + RowHeight * Outcomes.Count() + 2 * Border + (Errors.Count > 0 ? 8 + ErrorLineHeight * Errors.Count : 0);

    /// <summary>Where the input port is drawn, from the node's inner edge (CSS left and top).</summary>
    public static (double Left, double Top) InputPortAt => (-8, 16);

    /// <summary>Where the outcome port of row <paramref name="row"/> is drawn, from the node's inner edge.</summary>
    public static (double Left, double Top) OutcomePortAt(int row) =>
        (Width - 2 * Border - PortSize / 2, HeadHeight + row * RowHeight + (RowHeight - PortSize) / 2);

    public override void SetPosition(double x, double y)
    {
        base.SetPosition(x, y);
        LayOutPorts();
        RefreshLinks();
    }

    private void LayOutPorts()
    {
        Place(Input, InputPortAt);
        var row = 0;
        foreach (var port in Outcomes)
        {
            Place(port, OutcomePortAt(row++));
        }
    }

    private void Place(PortModel port, (double Left, double Top) at)
    {
        port.Position = new Point(Position.X + Border + at.Left, Position.Y + Border + at.Top);
        port.Size = new Size(PortSize, PortSize);
        port.Initialized = true;
    }

    public string ActivityId { get; set; }

    public ActivityDescriptor Descriptor { get; }

    /// <summary>The step's own name; null shows the activity type's name.</summary>
    public string? DisplayName { get; set; }

    public Dictionary<string, JsonElement> Properties { get; }

    public InputPortModel Input { get; }

    public IEnumerable<OutcomePortModel> Outcomes => Ports.OfType<OutcomePortModel>();

    public OutcomePortModel? Outcome(string name) => Outcomes.FirstOrDefault(p => p.Outcome.Name == name);

    /// <summary>What the validator found wrong with this step.</summary>
    public IReadOnlyList<ValidationError> Errors
    {
        get => _errors;
        set
        {
            _errors = value;
            Size = new Size(Width, Height);
        }
    }

    private IReadOnlyList<ValidationError> _errors = [];

    /// <summary>Case viewer: the case has passed through this step.</summary>
    public bool Visited { get; set; }

    /// <summary>Case viewer: the case waits here (an open task).</summary>
    public bool Waiting { get; set; }

    public ActivityNode ToNode() => new()
    {
        Id = ActivityId,
        Type = Descriptor.Type,
        Name = string.IsNullOrWhiteSpace(DisplayName) ? null : DisplayName,
        Properties = Properties.Count == 0 ? new Dictionary<string, JsonElement>() : new Dictionary<string, JsonElement>(Properties),
        Position = new Position(Math.Round(Position.X), Math.Round(Position.Y)),
    };
}

/// <summary>Where connections arrive.</summary>
public sealed class InputPortModel(ActivityNodeModel parent) : PortModel(parent, PortAlignment.Left)
{
    public ActivityNodeModel Node => (ActivityNodeModel)Parent;

    // Connections start at outcomes; nothing leaves by an input.
    public override bool CanAttachTo(Blazor.Diagrams.Core.Models.Base.ILinkable other) => false;
}

/// <summary>One outcome (or signal) of a step: a connection leaves from here.</summary>
public sealed class OutcomePortModel(ActivityNodeModel parent, OutcomeDescriptor outcome, bool isSignal)
    : PortModel(parent, isSignal ? PortAlignment.Bottom : PortAlignment.Right)
{
    public OutcomeDescriptor Outcome { get; } = outcome;

    /// <summary>Sent by the platform (Overdue), not chosen by a person; a flow need not wire it.</summary>
    public bool IsSignal { get; } = isSignal;

    public ActivityNodeModel Node => (ActivityNodeModel)Parent;

    // An outcome leads into a step (its own included: 补正 goes back to 受理), never into Start.
    public override bool CanAttachTo(Blazor.Diagrams.Core.Models.Base.ILinkable other) => other switch
    {
        InputPortModel input => input.Node.Descriptor.Purpose != ActivityPurpose.Start && !Locked,
        ActivityNodeModel node => node.Descriptor.Purpose != ActivityPurpose.Start && !Locked,
        _ => false,
    };
}

/// <summary>A connection: an outcome of one step leading into another.</summary>
public sealed class ConnectionLinkModel : LinkModel
{
    public ConnectionLinkModel(OutcomePortModel source, InputPortModel target)
        : base(source, target)
    {
        TargetMarker = LinkMarker.Arrow;
    }

    public ConnectionLinkModel(Blazor.Diagrams.Core.Anchors.Anchor source, Blazor.Diagrams.Core.Anchors.Anchor target)
        : base(source, target)
    {
        TargetMarker = LinkMarker.Arrow;
    }

    public IReadOnlyList<ValidationError> Errors { get; set; } = [];

    /// <summary>Case viewer: the case went this way.</summary>
    public bool Taken { get; set; }
}
