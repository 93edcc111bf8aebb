using System.Security.Claims;
using System.Text;
using Approval.Engine.Runtime;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Approval.Engine.Identity;

/// <summary>Issues the signed access tokens that every /api call carries.</summary>
internal sealed class TokenService(AuthOptions options, TimeProvider clock)
{
    private readonly SigningCredentials _credentials = new(
        new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey!)), SecurityAlgorithms.HmacSha256);

    private readonly JsonWebTokenHandler _handler = new();

    public (string Token, int ExpiresIn) Issue(ApplicationUser user, IEnumerable<string> roles)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromMinutes(options.TokenLifetimeMinutes);
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(For(user, roles)),
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = _credentials,
        });
        return (token, (int)lifetime.TotalSeconds);
    }

    /// <summary>The claims a signed-in user carries, in a token or in the browser's login cookie alike.</summary>
    public static List<Claim> For(ApplicationUser user, IEnumerable<string> roles)
    {
        var claims = new List<Claim>
        {
            new("sub", user.Id),
            new("name", user.UserName!),
        };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        if (user.Department is not null)
        {
            claims.Add(new Claim(Actor.DepartmentClaim, user.Department));
        }

        if (user.Window is not null)
        {
            claims.Add(new Claim(Actor.WindowClaim, user.Window));
        }

        return claims;
    }
}
