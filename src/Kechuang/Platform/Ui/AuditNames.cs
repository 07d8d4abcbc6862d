using System.Text.Json;

namespace Kechuang.Platform.Ui;

/// <summary>
/// Chinese names for the audit log, contributed by whoever writes the entries: the tables it owns, the fields of
/// its records and of its events' details, and the actions it records. Registered as a singleton
/// <c>IAuditVocabulary</c>; <see cref="AuditNames"/> composes them in <see cref="Order"/>.
/// </summary>
public interface IAuditVocabulary
{
    /// <summary>Lower first: the order of the audit log's filters.</summary>
    int Order { get; }

    /// <summary>Table name → Chinese name, in the order the filter lists them.</summary>
    IReadOnlyList<KeyValuePair<string, string>> Entities => [];

    /// <summary>
    /// Field → Chinese name, for this contributor's tables first and for any table that names none of its own. A key
    /// <c>table.Field</c> names the field of that table only, where one module's tables use one field name for two things.
    /// </summary>
    IReadOnlyDictionary<string, string> Fields => new Dictionary<string, string>();

    /// <summary>Action → Chinese name, in the order the filter lists them.</summary>
    IReadOnlyList<KeyValuePair<string, string>> Actions => [];
}

/// <summary>
/// The audit log's words: every <see cref="IAuditVocabulary"/> composed in order. A name not contributed is shown
/// as recorded. A field is named by the vocabulary that owns the entry's table, else by the first that names it.
/// </summary>
public sealed class AuditNames
{
    private readonly Dictionary<string, string> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _actions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _fieldsByEntity = new(StringComparer.Ordinal);

    public AuditNames(IEnumerable<IAuditVocabulary> vocabularies)
    {
        var entities = new List<KeyValuePair<string, string>>();
        var actions = new List<KeyValuePair<string, string>>();
        foreach (var vocabulary in vocabularies.OrderBy(v => v.Order))
        {
            foreach (var entity in vocabulary.Entities)
            {
                if (_entities.TryAdd(entity.Key, entity.Value))
                {
                    entities.Add(entity);
                    _fieldsByEntity[entity.Key] = vocabulary.Fields;
                }
            }
            foreach (var action in vocabulary.Actions.Where(a => _actions.TryAdd(a.Key, a.Value)))
            {
                actions.Add(action);
            }
            foreach (var field in vocabulary.Fields)
            {
                _fields.TryAdd(field.Key, field.Value);
            }
        }
        Entities = entities;
        Actions = actions;
    }

    /// <summary>Every named table, in the contributors' order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Entities { get; }

    /// <summary>Every named action, in the contributors' order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Actions { get; }

    public string Action(string action) => _actions.GetValueOrDefault(action, action);

    public string Entity(string entity) => _entities.GetValueOrDefault(entity, entity);

    /// <summary>A field of an entry of <paramref name="entity"/>.</summary>
    public string Field(string entity, string field) =>
        _fieldsByEntity.TryGetValue(entity, out var own) && (own.TryGetValue($"{entity}.{field}", out var name) || own.TryGetValue(field, out name))
            ? name
            : _fields.GetValueOrDefault(field, field);

    /// <summary>Who acted: sign-in steps run before the session exists, start-up loads run as the system.</summary>
    public static string Account(string account) => account switch
    {
        "anonymous" => "（登录过程）",
        _ when account.StartsWith("system:", StringComparison.Ordinal) => $"系统（{(account == "system:startup" ? "启动初始化" : account[7..])}）",
        _ => account,
    };

    /// <summary>One row per field present before or after, marking the ones that changed.</summary>
    public static List<(string Field, string? Before, string? After, bool Changed)> Diff(string? before, string? after)
    {
        var b = Parse(before);
        var a = Parse(after);
        return b.Keys.Union(a.Keys).Order(StringComparer.Ordinal)
            .Select(k =>
            {
                var x = b.GetValueOrDefault(k);
                var y = a.GetValueOrDefault(k);
                return (k, x, y, before is not null && after is not null && x != y);
            })
            .ToList();
    }

    private static Dictionary<string, string?> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new() { ["值"] = json };
            }
            return document.RootElement.EnumerateObject().ToDictionary(
                p => p.Name,
                p => p.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.True => "是",
                    JsonValueKind.False => "否",
                    _ => p.Value.GetRawText(),
                });
        }
        catch (JsonException)
        {
            return new() { ["值"] = json };
        }
    }
}
