using System.Security.Claims;
using Approval.Activities.Contract;
using Approval.Activities.Definitions;
using Approval.Activities.Registry;
using Approval.Activities.Validation;
using Approval.Designer.Canvas;
using Approval.Designer.Services;
using Approval.Designer.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using MudBlazor;

namespace Approval.Designer.Flows;

/// <summary>The designer: a flow on the canvas, its palette, properties, errors and versions.</summary>
public sealed partial class FlowDesigner
{
    private FlowDiagram? _diagram;
    private WorkflowDefinition? _header;
    private FlowVersionStatus _status;
    private readonly UndoHistory _undo = new();
    private IReadOnlyList<ValidationError> _errors = [];
    private IReadOnlyList<DepartmentOption> _departments = [];
    private IReadOnlyList<FlowVersionSummary> _versions = [];
    private ActivityNodeModel? _selected;
    private ActivityDescriptor? _dragging;
    private ClaimsPrincipal _user = new();
    private bool _loading = true;
    private bool _readOnly = true;
    private bool _dirty;
    private bool _busy;
    private WorkflowDefinition? _opening;
    private bool _changePending;
    private string? _problem;
    private int _tab;

    [Parameter] public string DefinitionId { get; set; } = "";

    /// <summary>Open this version rather than the draft (or the published version).</summary>
    [SupplyParameterFromQuery] public int? Version { get; set; }

    [CascadingParameter] public Task<AuthenticationState> Authentication { get; set; } = null!;

    [CascadingParameter] public UiText Text { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        _user = (await Authentication).User;
        _readOnly = !_user.IsInRole(Roles.Administrator);
        _departments = await Flows.DepartmentsAsync();
        var document = await Flows.GetAsync(_user, DefinitionId, Version);
        _versions = document is null ? [] : await Flows.VersionsAsync(_user, DefinitionId);
        if (document is not null)
        {
            Show(document);
        }
        else
        {
            _header = null;
        }

        _loading = false;
    }

    private void Show(FlowDocument document)
    {
        _header = document.Definition with { Activities = [], Connections = [] };
        _status = document.Status;
        if (_diagram is null)
        {
            _diagram = new FlowDiagram(Registry, _readOnly);
            _diagram.Changed += OnCanvasChanged;
            _diagram.Diagram.SelectionChanged += OnSelectionChanged;
            _diagram.Diagram.ContainerChanged += FitOnce;
        }

        _selected = null;
        _dirty = false;
        _undo.Reset(document.Definition);
        _opening = document.Definition;
        if (_diagram.Diagram.Container is { Width: > 0 })
        {
            Open();
        }
    }

    // The steps are put on the canvas once it knows its size, already panned and zoomed, so that
    // only what is in view is drawn the first time (a big flow draws a third of itself, not all).
    private void Open()
    {
        if (_opening is not { } definition)
        {
            return;
        }

        _opening = null;
        _diagram!.Load(definition);
        Revalidate(definition);
        _diagram.Fit(minimumZoom: 0.6);
    }

    private WorkflowDefinition CurrentDefinition() => _opening ?? _diagram!.ToDefinition(_header!);

    private void Revalidate(WorkflowDefinition definition)
    {
        _errors = Flows.Validate(definition);
        _diagram!.ShowErrors(_errors);
    }

    // One gesture (deleting a selection, re-routing an outcome) can change the canvas several times:
    // it is recorded and validated once, after the gesture's event has been handled.
    private void OnCanvasChanged()
    {
        if (_changePending)
        {
            return;
        }

        _changePending = true;
        _ = InvokeAsync(async () =>
        {
            await Task.Yield();
            _changePending = false;
            RecordChange();
        });
    }

    private void RecordChange()
    {
        var definition = CurrentDefinition();
        if (_undo.Record(definition))
        {
            _dirty = true;
        }

        Revalidate(definition);
        if (_selected is not null && !_diagram!.Nodes.Contains(_selected))
        {
            _selected = null;
        }

        StateHasChanged();
    }

    private Task OnEdited()
    {
        RecordChange();
        return Task.CompletedTask;
    }

    private void OnSelectionChanged(Blazor.Diagrams.Core.Models.Base.SelectableModel model)
    {
        var selected = _diagram!.Nodes.Where(n => n.Selected).ToList();
        var next = selected.Count == 1 ? selected[0] : null;
        if (!ReferenceEquals(next, _selected))
        {
            _selected = next;
            if (next is not null)
            {
                _tab = 0;
            }

            InvokeAsync(StateHasChanged);
        }
    }

    private void FitOnce()
    {
        if (_opening is not null && _diagram!.Diagram.Container is { Width: > 0 })
        {
            Open();
            InvokeAsync(StateHasChanged);
        }
    }

    private void SelectActivity(string activityId)
    {
        if (_diagram!.Find(activityId) is { } node)
        {
            _diagram.Diagram.SelectModel(node, unselectOthers: true);
            _selected = node;
            _tab = 0;
        }
    }

    private void AddAtCentre(ActivityDescriptor descriptor)
    {
        var diagram = _diagram!.Diagram;
        var centre = diagram.Container is { } c
            ? diagram.GetRelativePoint(c.Width / 2 - ActivityNodeWidget.Width / 2, c.Height / 2 - 40)
            : new Blazor.Diagrams.Core.Geometry.Point(100, 100);
        _selected = _diagram.AddActivity(descriptor, centre);
        _tab = 0;
    }

    private void Dropped(Blazor.Diagrams.Core.Geometry.Point at)
    {
        if (_dragging is { } descriptor)
        {
            _selected = _diagram!.AddActivity(descriptor, at);
            _dragging = null;
            _tab = 0;
        }
    }

    private void Undo() => Restore(_undo.Undo());

    private void Redo() => Restore(_undo.Redo());

    private void Restore(WorkflowDefinition? definition)
    {
        if (definition is null)
        {
            return;
        }

        _diagram!.Load(definition);
        _selected = null;
        _dirty = true;
        Revalidate(definition);
    }

    private async Task DeleteSelection() =>
        await Blazor.Diagrams.Core.Behaviors.KeyboardShortcutsDefaults.DeleteSelection(_diagram!.Diagram);

    private void Zoom(double factor)
    {
        var diagram = _diagram!.Diagram;
        var zoom = Math.Clamp(diagram.Zoom * factor, diagram.Options.Zoom.Minimum, diagram.Options.Zoom.Maximum);
        diagram.SetZoom(zoom);
    }

    private void Arrange() => _diagram!.Arrange(_header!);

    public void Dispose()
    {
        if (_diagram is not null)
        {
            _diagram.Changed -= OnCanvasChanged;
            _diagram.Diagram.SelectionChanged -= OnSelectionChanged;
            _diagram.Diagram.ContainerChanged -= FitOnce;
        }
    }
}
