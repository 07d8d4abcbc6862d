using AntDesign;
using Kechuang.Platform.Problems;

namespace Kechuang.Platform.Ui;

/// <summary>
/// What a page shows after a failed operation: each field's Chinese messages under the field
/// (<see cref="InputException"/>), a broken rule or a refusal as one alert, bad import rows as a table.
/// </summary>
public sealed class FormProblems
{
    private IReadOnlyDictionary<string, string[]> _fields = new Dictionary<string, string[]>();

    public string? Alert { get; private set; }

    public IReadOnlyList<ImportRowError> Rows { get; private set; } = [];

    public bool Any => Alert is not null || _fields.Count > 0 || Rows.Count > 0;

    public void Clear()
    {
        _fields = new Dictionary<string, string[]>();
        Alert = null;
        Rows = [];
    }

    public string? Help(string field) =>
        _fields.TryGetValue(field, out var messages) && messages.Length > 0 ? string.Join("；", messages) : null;

    public FormValidateStatus Status(string field) =>
        _fields.ContainsKey(field) ? FormValidateStatus.Error : FormValidateStatus.Default;

    /// <summary>A failure that is no problem of the input (shown as the alert).</summary>
    public void Fail(string alert)
    {
        Clear();
        Alert = alert;
    }

    /// <summary>Messages of fields that have no place on the form (shown in the alert instead).</summary>
    public IEnumerable<string> Unplaced(IEnumerable<string> placedFields)
    {
        var placed = placedFields.ToHashSet(StringComparer.Ordinal);
        return _fields.Where(f => !placed.Contains(f.Key)).SelectMany(f => f.Value);
    }

    /// <summary>Runs an operation; returns false and keeps what to show when it failed with an expected problem.</summary>
    public async Task<bool> TryAsync(Func<Task> operation)
    {
        Clear();
        try
        {
            await operation();
            return true;
        }
        catch (InputException e)
        {
            _fields = e.Errors;
            Alert = "输入有误，请按提示修改";
        }
        catch (ImportRowsException e)
        {
            Rows = e.Rows;
            Alert = e.Message;
        }
        catch (RuleException e)
        {
            Alert = e.Message;
        }
        catch (ForbiddenException e)
        {
            Alert = e.Message;
        }
        catch (NotFoundException e)
        {
            Alert = e.Message;
        }
        // Storage full or read-only, or the database unreachable for a moment: nothing was saved, and the form keeps what
        // was typed so the same save can be sent again once the database answers.
        catch (Exception e) when (ProblemHandler.Map(e) is { Status: StatusCodes.Status503ServiceUnavailable, Title: { } title })
        {
            Alert = title;
        }
        return false;
    }
}
