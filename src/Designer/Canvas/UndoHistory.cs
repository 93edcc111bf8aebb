using Approval.Activities.Definitions;

namespace Approval.Designer.Canvas;

/// <summary>
/// Undo and redo over whole definitions: every change records the definition as it became, so
/// undo restores exactly what was drawn (steps, properties, connections and positions).
/// </summary>
public sealed class UndoHistory(int capacity = 200)
{
    private readonly List<string> _states = [];
    private int _current = -1;

    public bool CanUndo => _current > 0;

    public bool CanRedo => _current < _states.Count - 1;

    /// <summary>Starts over from <paramref name="definition"/>.</summary>
    public void Reset(WorkflowDefinition definition)
    {
        _states.Clear();
        _states.Add(WorkflowJson.Serialize(definition));
        _current = 0;
    }

    /// <summary>Records a change; false when nothing differs from the current state.</summary>
    public bool Record(WorkflowDefinition definition)
    {
        var json = WorkflowJson.Serialize(definition);
        if (_current >= 0 && _states[_current] == json)
        {
            return false;
        }

        _states.RemoveRange(_current + 1, _states.Count - _current - 1);
        _states.Add(json);
        if (_states.Count > capacity)
        {
            _states.RemoveAt(0);
        }

        _current = _states.Count - 1;
        return true;
    }

    public WorkflowDefinition? Undo() => CanUndo ? WorkflowJson.Deserialize(_states[--_current]) : null;

    public WorkflowDefinition? Redo() => CanRedo ? WorkflowJson.Deserialize(_states[++_current]) : null;
}
