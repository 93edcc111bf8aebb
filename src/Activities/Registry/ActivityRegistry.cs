using System.Reflection;
using System.Text.Json;
using Approval.Activities.Contract;
using Approval.Activities.Human;

namespace Approval.Activities.Registry;

/// <summary>The activity types a definition may use, found by their <see cref="ActivityAttribute"/>.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, ActivityDescriptor> _byType;

    public ActivityRegistry(IEnumerable<Type> activityTypes)
    {
        _byType = activityTypes.Select(Describe).ToDictionary(d => d.Type, StringComparer.Ordinal);
        Descriptors = [.. _byType.Values.OrderBy(d => d.Category, StringComparer.Ordinal).ThenBy(d => d.Type, StringComparer.Ordinal)];
    }

    /// <summary>Every activity of this assembly.</summary>
    public static ActivityRegistry Default { get; } = new(
        typeof(IActivity).Assembly.GetTypes().Where(t =>
            t is { IsAbstract: false, IsClass: true } && t.GetCustomAttribute<ActivityAttribute>() is not null));

    public IReadOnlyList<ActivityDescriptor> Descriptors { get; }

    public ActivityDescriptor? Find(string type) => _byType.GetValueOrDefault(type);

    /// <summary>Every problem with the property values of a node of this type, by property name.</summary>
    public static IEnumerable<(string Property, string Message)> CheckProperties(
        ActivityDescriptor descriptor, IReadOnlyDictionary<string, JsonElement> values)
    {
        foreach (var name in values.Keys.Where(k => descriptor.Properties.All(p => p.Name != k)))
        {
            yield return (name, $"'{descriptor.Type}' has no property '{name}'.");
        }

        foreach (var property in descriptor.Properties)
        {
            var error = PropertyValues.TryRead(property, values.TryGetValue(property.Name, out var v) ? v : null, out _);
            if (error is not null)
            {
                yield return (property.Name, error);
            }
        }
    }

    /// <summary>A configured instance of the node's activity.</summary>
    /// <exception cref="ArgumentException">A property value is invalid; validate first.</exception>
    public static IActivity Create(ActivityDescriptor descriptor, IReadOnlyDictionary<string, JsonElement> values)
    {
        var activity = (IActivity)Activator.CreateInstance(descriptor.ClrType)!;
        foreach (var property in descriptor.Properties)
        {
            if (!values.TryGetValue(property.Name, out var value))
            {
                continue;
            }

            var error = PropertyValues.TryRead(property, value, out var converted);
            if (error is not null)
            {
                throw new ArgumentException($"{descriptor.Type}.{property.Name}: {error}");
            }

            property.Property.SetValue(activity, converted);
        }

        return activity;
    }

    private static ActivityDescriptor Describe(Type type)
    {
        var attribute = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new ArgumentException($"{type} has no [Activity] attribute.");
        var blank = Activator.CreateInstance(type);
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Input: (ActivityInputAttribute?)Attribute.GetCustomAttribute(p, typeof(ActivityInputAttribute), inherit: true)))
            .Where(p => p.Input is not null)
            .Select(p => new PropertyDescriptor(
                JsonNamingPolicy.CamelCase.ConvertName(p.Property.Name),
                p.Input!.DisplayName,
                p.Input.EnglishName,
                p.Input.Description,
                p.Input.Kind,
                p.Input.Required,
                p.Input.Kind == PropertyKind.Role ? Roles.All : p.Input.Options,
                p.Property.GetValue(blank)) { Property = p.Property })
            .ToList();
        var outcomes = type.GetCustomAttributes<OutcomeAttribute>()
            .Select(o => new OutcomeDescriptor(o.Name, o.DisplayName))
            .ToList();
        return new ActivityDescriptor(
            attribute.Type,
            attribute.DisplayName,
            attribute.EnglishName,
            attribute.Category,
            attribute.Description,
            typeof(HumanActivity).IsAssignableFrom(type),
            outcomes,
            properties)
        {
            ClrType = type,
            Purpose = attribute.Purpose,
            Signals = [.. type.GetCustomAttributes<SignalAttribute>().Select(o => new OutcomeDescriptor(o.Name, o.DisplayName))],
        };
    }
}
