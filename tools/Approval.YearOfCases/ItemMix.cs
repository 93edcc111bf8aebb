namespace Approval.YearOfCases;

/// <summary>
/// How a county hall's year divides over the sample catalogue: which items people apply for how
/// often (identity cards, property transfers and company registrations lead; instant items are
/// about one application in six, as in the seed centre's year: 4,160 of 26,779) and at which
/// windows each is received, after the sample hall (W01 to W07): an instant item at the windows that
/// settle it on the spot, where the public takes it.
/// </summary>
internal static class ItemMix
{
    /// <summary>The share of instant items (即办件) among the applications accepted.</summary>
    public const double InstantShare = 4_160.0 / 26_779;

    public static IReadOnlyList<(string Code, int Weight, string[] Windows)> Items { get; } =
    [
        ("452624-XK-SCJG-001", 2500, ["W01"]),
        ("452624-XK-SCJG-002", 300, ["W01"]),
        ("452624-XK-SCJG-003", 900, ["W01"]),
        ("452624-XK-SCJG-004", 3500, ["W01"]),
        ("452624-XK-ZJ-001", 250, ["W02"]),
        ("452624-XK-ZJ-002", 80, ["W02"]),
        ("452624-XK-ZJ-003", 30, ["W02"]),
        ("452624-XK-ZJ-004", 150, ["W02"]),
        ("452624-XK-ZJ-005", 120, ["W02"]),
        ("452624-XK-ZRZY-001", 150, ["W02"]),
        ("452624-XK-ZRZY-002", 200, ["W02"]),
        ("452624-XK-ZRZY-003", 900, ["W02"]),
        ("452624-QR-ZRZY-001", 3500, ["W04"]),
        ("452624-XK-JTYS-001", 400, ["W02"]),
        ("452624-XK-JTYS-002", 40, ["W02"]),
        ("452624-XK-JTYS-003", 60, ["W02"]),
        ("452624-XK-JTYS-004", 80, ["W02"]),
        ("452624-XK-WJ-001", 40, ["W01"]),
        ("452624-XK-WJ-002", 600, ["W01"]),
        ("452624-XK-WJ-003", 20, ["W01"]),
        ("452624-XK-WJ-004", 300, ["W01"]),
        ("452624-GG-WJ-001", 400, ["W01", "W07"]),
        ("452624-XK-MZ-001", 30, ["W01"]),
        ("452624-XK-MZ-002", 40, ["W01"]),
        ("452624-QR-MZ-001", 600, ["W07"]),
        ("452624-QT-MZ-001", 10, ["W07"]),
        ("452624-XK-RS-001", 30, ["W05"]),
        ("452624-XK-RS-002", 30, ["W05"]),
        ("452624-QR-RS-001", 600, ["W05"]),
        ("452624-GG-RS-001", 700, ["W05"]),
        ("452624-GG-RS-002", 400, ["W05"]),
        ("452624-GG-RS-003", 800, ["W05", "W06"]),
        ("452624-GG-RS-004", 350, ["W05", "W06"]),
        ("452624-GG-GA-001", 6000, ["W03"]),
        ("452624-XK-STHJ-001", 150, ["W02"]),
    ];
}
