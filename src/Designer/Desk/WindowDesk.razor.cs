using Approval.Activities.Contract;
using Approval.Activities.Human;
using Approval.Designer.Services;
using Approval.Designer.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;

namespace Approval.Designer.Desk;

/// <summary>
/// The window desk (窗口受理台): find the item, tell its materials once, take the applicant's details and
/// materials, and accept, ask for a correction or refuse; the first outcome pressed files the application.
/// Where the window may decide on the spot, the decision and the certificate follow in the same visit.
/// </summary>
public sealed partial class WindowDesk
{
    private const int Shown = 30;

    private IReadOnlyList<DeskItem> _items = [];
    private IReadOnlyList<DeskCase> _today = [];
    private string? _search;
    private DeskItem? _item;
    private List<MaterialRow> _rows = [];

    private bool _organisation;
    private string? _name, _idNumber, _creditCode, _contact, _phone;

    private Mode _mode;
    private string? _reason, _legalBasis, _missing, _prefilled;
    private DeskProblems? _problems;
    private bool _busy;

    private DeskFiling? _filing;
    private string? _acceptOutcome;
    private DeskStepResult? _last;
    private DeskTask? _next;
    private string? _decideComment;
    private decimal? _fee;
    private string? _feeReceipt;

    private string? _question;
    private string? _questionError;
    private bool _questionLogged;

    private enum Mode { None, Correction, Refusal }

    [Inject] private IWindowDesk Desk { get; set; } = null!;

    [CascadingParameter] public Task<AuthenticationState> Authentication { get; set; } = null!;

    [CascadingParameter] public UiText Text { get; set; } = null!;

    /// <summary>The printable notices of the application just handled (受理通知书, 一次性告知书, 不予受理决定书 ...), as links to their PDFs.</summary>
    private IReadOnlyList<NoticeLink> _notices = [];

    protected override async Task OnInitializedAsync()
    {
        _items = await Desk.ItemsAsync(await UserAsync(), null);
        _today = await Desk.TodayAsync(await UserAsync());
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> UserAsync() => (await Authentication).User;

    private async Task SearchAsync(string? text)
    {
        _search = text;
        _items = await Desk.ItemsAsync(await UserAsync(), text);
    }

    // An application filed but not yet accepted stays in today's list and the inbox when another item is chosen.
    private void Select(DeskItem item)
    {
        StartOver();
        _item = item;
        _rows = [.. item.Materials.Select(m => new MaterialRow(m))];
    }

    /// <summary>The next applicant: a clean form for the same item.</summary>
    private void StartOver()
    {
        _organisation = false;
        (_name, _idNumber, _creditCode, _contact, _phone) = (null, null, null, null, null);
        (_mode, _reason, _legalBasis, _missing, _prefilled, _problems) = (Mode.None, null, null, null, null, null);
        (_filing, _acceptOutcome, _last, _next, _decideComment, _fee, _feeReceipt) = (null, null, null, null, null, null, null);
        _notices = [];
        _rows = _item is null ? [] : [.. _item.Materials.Select(m => new MaterialRow(m))];
    }

    private bool Filed => _filing?.CaseId is not null;

    private bool Accepted => _acceptOutcome is not null;

    private bool Deciding => _next?.ActivityType == Decide.TypeName;

    private bool Certifying => _next?.ActivityType == nameof(Certify);

    private string? Error(string field) => _problems?.At(field);

    /// <summary>The problems at fields the page does not show now (itemCode, materials[0] ...): they go in the alert instead.</summary>
    private IEnumerable<string> Elsewhere() => _problems?.Fields.Where(f => !OnThePage(f.Key)).Select(f => f.Value) ?? [];

    private bool OnThePage(string field) => field switch
    {
        "applicant" or "applicant.name" or "applicant.phone" => true,
        "applicant.idNumber" => !_organisation,
        "applicant.creditCode" or "applicant.contact" => _organisation,
        "missingMaterials" => _mode == Mode.Correction && !Accepted,
        "legalBasis" => _mode == Mode.Refusal && !Accepted,
        "comment" => (_mode == Mode.Refusal && !Accepted) || Deciding,
        "fee" or "feeReceipt" => Certifying && _item?.Fee.Charged == true,
        _ => false,
    };

    /// <summary>The required materials not ticked, one a line: what a correction notice must list at least.</summary>
    private string Unticked() => string.Join("\n", _rows.Where(r => r.Material.Required && !r.Received).Select(r => r.Material.Name));

    private void Open(Mode mode)
    {
        _problems = null;
        _mode = _mode == mode ? Mode.None : mode;
        if (_mode == Mode.Correction && (_missing is null || _missing == _prefilled))
        {
            _missing = _prefilled = Unticked();
        }
    }

    private void Tick(MaterialRow row, bool received)
    {
        row.Received = received;
        if (_mode == Mode.Correction && _missing == _prefilled)
        {
            _missing = _prefilled = Unticked(); // the clerk has not edited the list: keep it in step with the ticks
        }
    }

    private async Task PickAsync(MaterialRow row, InputFileChangeEventArgs e)
    {
        row.ScanProblem = null;
        if (e.File.Size > Desk.MaxScanBytes)
        {
            row.ScanProblem = string.Format(Text["desk.scanTooLarge"], Desk.MaxScanBytes / 1024 / 1024);
            return;
        }

        using var buffer = new MemoryStream();
        await using (var stream = e.File.OpenReadStream(Desk.MaxScanBytes))
        {
            await stream.CopyToAsync(buffer);
        }

        row.Scan = new DeskScan(row.Material.Name, e.File.Name, e.File.ContentType, buffer.ToArray());
        row.Uploaded = false;
        if (Filed)
        {
            await UploadAsync(row);
        }
    }

    private async Task UploadAsync(MaterialRow row)
    {
        if (row.Scan is null || row.Uploaded || _filing?.CaseId is not { } caseId)
        {
            return;
        }

        var problems = await Desk.UploadAsync(await UserAsync(), caseId, row.Scan);
        row.ScanProblem = problems is null ? null : problems.Message ?? string.Join(" ", problems.Fields.Values);
        row.Uploaded = problems is null;
    }

    /// <summary>An outcome of acceptance: files the application if it is not yet, hands in the scans, then completes the accept step.</summary>
    private async Task CompleteAcceptAsync(string outcome)
    {
        if (_item is null || _busy || Accepted)
        {
            return;
        }

        _busy = true;
        _problems = null;
        try
        {
            var user = await UserAsync();
            var received = _rows.Where(r => r.Received).Select(r => new DeskSupplied(r.Material.Name, r.Originals, r.Copies)).ToList();
            if (!Filed)
            {
                var applicant = new DeskApplicant(_organisation, _name, _idNumber, _creditCode, _contact, _phone);
                var filing = await Desk.FileAsync(user, new DeskApplication(_item.Code, applicant, received));
                if (filing.Problems is not null)
                {
                    _problems = filing.Problems;
                    return;
                }

                _filing = filing;
                foreach (var row in _rows)
                {
                    await UploadAsync(row);
                }
            }

            if (_filing!.AcceptTaskId is not { } accept)
            {
                _problems = new DeskProblems(new Dictionary<string, string>(), Text["desk.noAcceptStep"]);
                return;
            }

            var missing = outcome == Accept.NeedsCorrection
                ? (_missing ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : null;
            var result = await Desk.CompleteAsync(user, accept, new DeskCompletion(
                outcome,
                Comment: outcome == Accept.Refused ? _reason : null,
                LegalBasis: outcome == Accept.Refused ? _legalBasis : null,
                MissingMaterials: missing,
                Materials: received));
            if (result.Problems is not null)
            {
                _problems = result.Problems;
                return;
            }

            _acceptOutcome = outcome;
            Moved(result);
        }
        finally
        {
            _busy = false;
            await RefreshAsync();
        }
    }

    // After each step: today's list, and the notices the step gave, to print on the spot.
    private async Task RefreshAsync()
    {
        var user = await UserAsync();
        _today = await Desk.TodayAsync(user);
        _notices = _filing?.CaseId is { } caseId ? await Desk.NoticesAsync(user, caseId) : [];
    }

    /// <summary>The on-the-spot decision (准予/不予许可) or the certificate (发证), in the same visit.</summary>
    private async Task CompleteNextAsync(string outcome)
    {
        if (_next is null || _busy)
        {
            return;
        }

        _busy = true;
        _problems = null;
        try
        {
            var certify = Certifying;
            var result = await Desk.CompleteAsync(await UserAsync(), _next.Id, certify
                ? new DeskCompletion(outcome, Fee: _item?.Fee.Charged == true ? _fee : null, FeeReceipt: _feeReceipt)
                : new DeskCompletion(outcome, Comment: _decideComment));
            if (result.Problems is not null)
            {
                _problems = result.Problems;
                return;
            }

            Moved(result);
        }
        finally
        {
            _busy = false;
            await RefreshAsync();
        }
    }

    // The next step is the desk's when the flow gave it to window staff at once: the on-the-spot decision, then the certificate.
    private void Moved(DeskStepResult result)
    {
        _last = result;
        _next = result.Opened.FirstOrDefault(t => t.Role == Roles.WindowStaff && t.ActivityType is Decide.TypeName or nameof(Certify));
    }

    private async Task LogQuestionAsync()
    {
        _questionError = null;
        _questionLogged = false;
        var problems = await Desk.ConsultAsync(await UserAsync(), _question, _item?.Code);
        if (problems is null)
        {
            (_question, _questionLogged) = (null, true);
        }
        else
        {
            _questionError = problems.At("question") ?? problems.Message ?? string.Join(" ", problems.Fields.Values);
        }
    }

    private string OutcomeName(string outcome) => Text["desk.outcome." + outcome];

    /// <summary>One line of the checklist: the material, whether it was received, how many originals and copies, and its scan.</summary>
    private sealed class MaterialRow(DeskMaterial material)
    {
        public DeskMaterial Material { get; } = material;

        public bool Received { get; set; }

        public int Originals { get; set; } = material.Originals;

        public int Copies { get; set; } = material.Copies;

        public DeskScan? Scan { get; set; }

        public bool Uploaded { get; set; }

        public string? ScanProblem { get; set; }
    }
}
