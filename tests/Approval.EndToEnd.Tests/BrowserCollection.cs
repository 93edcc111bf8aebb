namespace Approval.EndToEnd.Tests;

/// <summary>The browser tests share one Engine and one Chromium, and run one after another on the two cores.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
