using System.Text.Json;
using Approval.Activities.Conditions;
using Approval.Activities.Contract;

namespace Approval.Activities.Registry;

/// <summary>Reads a property's JSON value into its CLR type, saying what is wrong when it cannot.</summary>
internal static class PropertyValues
{
    public const int MaxTextLength = 2000;

    public static string? TryRead(PropertyDescriptor property, JsonElement? json, out object? value)
    {
        value = property.DefaultValue;
        if (json is null || json.Value.ValueKind == JsonValueKind.Null)
        {
            return property.Required && IsBlank(property.DefaultValue) ? $"'{property.Name}' is required." : null;
        }

        var element = json.Value;
        var clrType = Nullable.GetUnderlyingType(property.Property.PropertyType) ?? property.Property.PropertyType;
        switch (property.Kind)
        {
            case PropertyKind.Number:
                if (element.ValueKind != JsonValueKind.Number)
                {
                    return $"'{property.Name}' must be a number.";
                }

                var range = (ActivityInputAttribute)Attribute.GetCustomAttribute(property.Property, typeof(ActivityInputAttribute), inherit: true)!;
                if (element.GetDouble() < range.Minimum || element.GetDouble() > range.Maximum)
                {
                    return $"'{property.Name}' must be between {range.Minimum} and {range.Maximum}.";
                }

                if (clrType == typeof(int))
                {
                    if (!element.TryGetInt32(out var i))
                    {
                        return $"'{property.Name}' must be a whole number.";
                    }

                    value = i;
                    return null;
                }

                value = element.GetDouble();
                return null;

            case PropertyKind.Boolean:
                if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return $"'{property.Name}' must be true or false.";
                }

                value = element.GetBoolean();
                return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return $"'{property.Name}' must be a string.";
        }

        var text = element.GetString()!;
        if (text.Length > MaxTextLength)
        {
            return $"'{property.Name}' is longer than {MaxTextLength} characters.";
        }

        if (property.Required && string.IsNullOrWhiteSpace(text))
        {
            return $"'{property.Name}' is required.";
        }

        var error = property.Kind switch
        {
            PropertyKind.Choice or PropertyKind.Role when !property.Options!.Contains(text) =>
                $"'{text}' is not one of {string.Join(", ", property.Options!)}.",
            PropertyKind.Condition => CaseCondition.Check(text),
            _ => null,
        };
        if (error is null)
        {
            value = text;
        }

        return error;
    }

    private static bool IsBlank(object? value) => value is null || value is string s && string.IsNullOrWhiteSpace(s);
}
