namespace Approval.Engine.Identity;

/// <summary>The "Auth" configuration section.</summary>
public sealed class AuthOptions
{
    /// <summary>The HMAC key that signs access tokens (at least 32 bytes). From configuration or environment only.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "approval";

    public string Audience { get; set; } = "approval";

    public int TokenLifetimeMinutes { get; set; } = 480;
}
