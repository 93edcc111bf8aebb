namespace Approval.Engine.Catalogue;

/// <summary>An item as the API, the sample file and the spreadsheets carry it.</summary>
public sealed record CatalogueItem
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required string ItemType { get; init; }

    public required string Department { get; init; }

    public required string DepartmentName { get; init; }

    public string LegalBasis { get; init; } = "";

    public int StatutoryLimit { get; init; }

    public int PromisedLimit { get; init; }

    public CaseKind CaseKind { get; init; }

    public IReadOnlyList<Material> Materials { get; init => field = value ?? []; } = [];

    public Fee Fee { get; init => field = value ?? new(); } = new();

    public IReadOnlyList<string> IntermediaryServices { get; init => field = value ?? []; } = [];

    public bool OnlineAvailable { get; init; }

    public string? ConsultationPhone { get; init; }

    public string? SupervisionPhone { get; init; }

    public ItemStatus Status { get; init; } = ItemStatus.Active;

    /// <summary>When the item (or its last change) takes effect; today when not given.</summary>
    public DateOnly? EffectiveFrom { get; init; }

    public DateOnly? EffectiveTo { get; init; }

    public required string DefinitionId { get; init; }

    public int ExtensionDays { get; init; } = 10;

    /// <summary>When the yellow warning comes, as a percent of the promised time used (50 to 100); empty for the platform's setting.</summary>
    public int? WarningPercent { get; init; }

    internal static CatalogueItem From(PowerItem item) => new()
    {
        Code = item.Code,
        Name = item.Name,
        ItemType = item.ItemType,
        Department = item.Department,
        DepartmentName = item.DepartmentName,
        LegalBasis = item.LegalBasis,
        StatutoryLimit = item.StatutoryLimit,
        PromisedLimit = item.PromisedLimit,
        CaseKind = item.CaseKind,
        Materials = item.Materials,
        Fee = item.Fee,
        IntermediaryServices = item.IntermediaryServices,
        OnlineAvailable = item.OnlineAvailable,
        ConsultationPhone = item.ConsultationPhone,
        SupervisionPhone = item.SupervisionPhone,
        Status = item.Status,
        EffectiveFrom = item.EffectiveFrom,
        EffectiveTo = item.EffectiveTo,
        DefinitionId = item.DefinitionId,
        ExtensionDays = item.ExtensionDays,
        WarningPercent = item.WarningPercent,
    };

    /// <summary>Copies this onto <paramref name="item"/>, returning whether anything the public sees changed.</summary>
    internal bool ApplyTo(PowerItem item, DateOnly today)
    {
        var before = From(item);
        item.Code = Code;
        item.Name = Name.Trim();
        item.ItemType = ItemType;
        item.Department = Department;
        item.DepartmentName = DepartmentName.Trim();
        item.LegalBasis = LegalBasis;
        item.StatutoryLimit = StatutoryLimit;
        item.PromisedLimit = PromisedLimit;
        item.CaseKind = CaseKind;
        item.Materials = [.. Materials];
        item.Fee = Fee;
        item.IntermediaryServices = [.. IntermediaryServices];
        item.OnlineAvailable = OnlineAvailable;
        item.ConsultationPhone = ConsultationPhone;
        item.SupervisionPhone = SupervisionPhone;
        item.Status = Status;
        item.EffectiveFrom = EffectiveFrom ?? today;
        item.EffectiveTo = EffectiveTo;
        item.DefinitionId = DefinitionId;
        item.ExtensionDays = ExtensionDays;
        item.WarningPercent = WarningPercent;
        return !Same(before, From(item));
    }

    private static bool Same(CatalogueItem a, CatalogueItem b) =>
        (a with { Materials = [], IntermediaryServices = [], EffectiveFrom = null }) == (b with { Materials = [], IntermediaryServices = [], EffectiveFrom = null })
        && a.Materials.SequenceEqual(b.Materials)
        && a.IntermediaryServices.SequenceEqual(b.IntermediaryServices);
}
