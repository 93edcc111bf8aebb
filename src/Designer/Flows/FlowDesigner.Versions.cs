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

/// <summary>The designer's versions: save the draft, publish, open another version, import and export JSON.</summary>
public sealed partial class FlowDesigner
{
    private async Task Export()
    {
        var definition = CurrentDefinition();
        await JS.InvokeVoidAsync("approvalDesigner.download", $"{definition.DefinitionId}-v{definition.Version}.json", WorkflowJson.Serialize(definition));
    }

    private async Task Import(InputFileChangeEventArgs e)
    {
        try
        {
            await using var stream = e.File.OpenReadStream(maxAllowedSize: 2 * 1024 * 1024);
            using var reader = new StreamReader(stream);
            var imported = WorkflowJson.Deserialize(await reader.ReadToEndAsync());
            var definition = imported with { DefinitionId = _header!.DefinitionId, Version = _header.Version };
            _header = definition with { Activities = [], Connections = [] };
            _diagram!.Load(definition);
            _undo.Record(definition);
            _dirty = true;
            _selected = null;
            Revalidate(definition);
            _diagram.Fit();
            Snackbar.Add(Text["designer.imported"], Severity.Info);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or IOException or InvalidOperationException)
        {
            _problem = $"{Text["designer.importFailed"]}: {ex.Message}";
        }
    }

    private async Task<bool> SaveAsync()
    {
        _busy = true;
        try
        {
            var result = await Flows.SaveDraftAsync(_user, CurrentDefinition());
            if (result.Document is null)
            {
                _problem = result.Problem;
                if (result.Errors.Count > 0)
                {
                    _errors = result.Errors;
                    _diagram!.ShowErrors(_errors);
                }

                return false;
            }

            _problem = null;
            _header = result.Document.Definition with { Activities = [], Connections = [] };
            _status = result.Document.Status;
            _dirty = false;
            _versions = await Flows.VersionsAsync(_user, DefinitionId);
            Snackbar.Add($"{Text["designer.saved"]} v{_header.Version}", Severity.Success);
            return true;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task PublishAsync()
    {
        if ((_dirty || _status != FlowVersionStatus.Draft) && !await SaveAsync())
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await Flows.PublishAsync(_user, DefinitionId);
            if (result.Document is null)
            {
                _problem = result.Problem;
                _errors = result.Errors;
                _diagram!.ShowErrors(_errors);
                _tab = 1;
                return;
            }

            _problem = null;
            _header = result.Document.Definition with { Activities = [], Connections = [] };
            _status = result.Document.Status;
            _versions = await Flows.VersionsAsync(_user, DefinitionId);
            Snackbar.Add($"{Text["designer.published"]} v{_header.Version}", Severity.Success);
        }
        finally
        {
            _busy = false;
        }
    }

    private void OpenVersion(int version) =>
        Navigation.NavigateTo($"/flows/{Uri.EscapeDataString(DefinitionId)}?version={version}");
}
