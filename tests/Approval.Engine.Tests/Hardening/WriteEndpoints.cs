using System.Reflection;
using System.Text.Json;
using Approval.Activities.Contract;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Hardening;

/// <summary>Every endpoint that changes something (POST, PUT, PATCH, DELETE), as the running app maps it.</summary>
internal sealed record WriteEndpoint(string Method, RoutePattern Pattern, Type? BodyType, bool TakesForm, string User)
{
    public string Name => $"{Method} {Pattern.RawText}";

    // The browser's circuit (SignalR) and sign-out are not API inputs: the first is the framework's
    // transport, the second takes nothing and only clears a cookie.
    private static readonly string[] NotInputs = ["/_blazor", "/logout"];

    /// <summary>Takes a request body (JSON or a form); one that does not is only ever sent ids that name nothing.</summary>
    public bool TakesBody => BodyType is not null || TakesForm;

    private static readonly (string Role, string User)[] UserOfRole =
    [
        (Roles.Administrator, "admin"),
        (Roles.WindowStaff, "window1"),
        (Roles.DepartmentHandler, "handler1"),
        (Roles.DepartmentHead, "head1"),
        (Roles.Supervisor, "supervisor1"),
        (Roles.Applicant, "applicant1"),
    ];

    public static List<WriteEndpoint> All(IServiceProvider services) =>
    [
        .. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !NotInputs.Any(p => e.RoutePattern.RawText!.StartsWith(p, StringComparison.Ordinal)))

            // The UI's pages render interactively and take no form posts; Blazor answers any post to them with a 400 page of its own.
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m is "POST" or "PUT" or "PATCH" or "DELETE")
                .Select(m => From(m, e)))
            .OrderBy(e => e.Name, StringComparer.Ordinal),
    ];

    private static WriteEndpoint From(string method, RouteEndpoint endpoint)
    {
        var accepts = endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>();
        var form = accepts.Any(a => a.ContentTypes.Any(c => c.StartsWith("multipart/", StringComparison.Ordinal) || c == "application/x-www-form-urlencoded"));
        var body = accepts.Select(a => a.RequestType).FirstOrDefault(t => t is not null && t != typeof(IFormFile));
        return new(method, endpoint.RoutePattern, form ? null : body, form, UserFor(endpoint));
    }

    // Endpoints whose role is decided inside their use case rather than by a policy on the route: the
    // user who may call them, so that bad input reaches their checks instead of stopping at a 403.
    private static readonly Dictionary<string, string> UserOfUseCase = new(StringComparer.Ordinal)
    {
        ["/api/staff-changes/"] = "handler1",
        ["/api/cases/"] = "window1",
        ["/api/cases/{id:guid}/pauses"] = "handler1",
        ["/api/cases/{id:guid}/pauses/{pauseId:long}/end"] = "handler1",
        ["/api/cases/{id:guid}/extension"] = "handler1",
        ["/api/cases/{id:guid}/extension/decision"] = "head1",
        ["/api/cases/{id:guid}/materials/"] = "window1",
        ["/api/supervision/warnings/{id:long}/acknowledge"] = "supervisor1",
        ["/api/supervision/warnings/{id:long}/resolve"] = "supervisor1",
    };

    /// <summary>A demo user the endpoint's role requirements let in, the administrator where they may.</summary>
    private static string UserFor(RouteEndpoint endpoint)
    {
        if (UserOfUseCase.TryGetValue(endpoint.RoutePattern.RawText ?? "", out var user))
        {
            return user;
        }

        var required = endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>()
            .SelectMany(p => p.Requirements.OfType<RolesAuthorizationRequirement>())
            .Select(r => r.AllowedRoles.ToHashSet())
            .ToList();
        return UserOfRole.First(u => required.All(r => r.Contains(u.Role))).User;
    }

    /// <summary>Bodies that are not the request: each must be refused with a 4xx ProblemDetails.</summary>
    public IEnumerable<(string Kind, string ContentType, string Body)> BadBodies()
    {
        yield return ("malformed JSON", "application/json", "{\"name\": 'x', }");
        yield return ("truncated JSON", "application/json", "{\"name\": \"x\", \"items\": [1, 2");
        yield return ("an array instead of an object", "application/json", "[1, 2, 3]");
        yield return ("a bare string", "application/json", "\"hello\"");
        yield return ("null", "application/json", "null");
        yield return ("nesting beyond the depth limit", "application/json", new string('[', 200) + new string(']', 200));
        yield return ("an oversized body", "application/json", "{\"name\": \"" + new string('x', 2 * 1024 * 1024) + "\"}");
        yield return ("the wrong content type", "text/plain", "name=x");
        if (TakesForm)
        {
            yield return ("a truncated multipart form", "multipart/form-data; boundary=XYZ", "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.");
            yield return ("a form without its file", "multipart/form-data; boundary=XYZ", "--XYZ\r\nContent-Disposition: form-data; name=\"material\"\r\n\r\nx\r\n--XYZ--\r\n");
        }

        if (BodyType is null || TakesForm)
        {
            yield break;
        }

        var properties = BodyType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || p.GetMethod is not null).ToList();
        yield return ("wrong types", "application/json", Json(properties.ToDictionary(p => Camel(p.Name), p => WrongValue(p.PropertyType))));
        if (properties.Any(p => Enum(p.PropertyType) is not null))
        {
            yield return ("unknown enum values", "application/json",
                Json(properties.Where(p => Enum(p.PropertyType) is not null).ToDictionary(p => Camel(p.Name), _ => (object?)"NoSuchValue")));
        }

        // Longer than any field may be, yet small enough together to pass the body limit and reach the checks.
        if (properties.Any(p => p.PropertyType == typeof(string)))
        {
            yield return ("huge strings", "application/json",
                Json(properties.Where(p => p.PropertyType == typeof(string)).ToDictionary(p => Camel(p.Name), _ => (object?)new string('字', 20_000))));
        }
    }

    private static object? WrongValue(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) ? 12345
            : t == typeof(bool) ? "maybe"
            : t.IsEnum ? 99
            : t.IsPrimitive || t == typeof(decimal) ? "not a number"
            : t == typeof(DateOnly) || t == typeof(DateTimeOffset) || t == typeof(DateTime) ? "31/02/2026"
            : t == typeof(Guid) ? "not-a-guid"
            : t == typeof(JsonElement) ? (object)"not an object"
            : typeof(System.Collections.IEnumerable).IsAssignableFrom(t) ? new { not = "a list" }
            : new[] { 1, 2 };
    }

    private static Type? Enum(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsEnum ? t : null;
    }

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static string Json(object value) => JsonSerializer.Serialize(value);
}
