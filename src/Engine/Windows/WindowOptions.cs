namespace Approval.Engine.Windows;

/// <summary>The "Windows" configuration section.</summary>
public sealed class WindowOptions
{
    /// <summary>Load the sample hall into an empty hall on first start.</summary>
    public bool LoadSample { get; set; } = true;

    /// <summary>The sample hall file; Windows/Sample/hall.json beside the binaries when not set.</summary>
    public string? SamplePath { get; set; }

    /// <summary>The years a clerk serves at a window before the window may change them without the centre's approval.</summary>
    public int MinimumTermYears { get; set; } = 2;
}
