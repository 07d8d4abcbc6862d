namespace Kechuang.Platform.Validation;

/// <summary>Masks personal numbers for viewers whose role may not see them (等保: 个人信息保护).</summary>
public static class Masking
{
    /// <summary><c>13812341234</c> → <c>138****1234</c>; a landline keeps its last four digits.</summary>
    public static string? Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return phone;
        }
        if (phone.Length == 11)
        {
            return string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(7));
        }
        return phone.Length <= 4 ? new string('*', phone.Length) : string.Concat(new string('*', phone.Length - 4), phone.AsSpan(phone.Length - 4));
    }

    /// <summary><c>330723199001011234</c> → <c>330723********1234</c>.</summary>
    public static string? IdNumber(string? number)
    {
        if (string.IsNullOrEmpty(number))
        {
            return number;
        }
        return number.Length <= 10
            ? new string('*', number.Length)
            : string.Concat(number.AsSpan(0, 6), new string('*', number.Length - 10), number.AsSpan(number.Length - 4));
    }

    /// <summary>
    /// On edit: a value equal to the masked form of the stored one was not changed by the editor
    /// (who only ever saw the mask), so the stored value stands; anything else is the editor's input.
    /// </summary>
    public static string? Unchanged(string? submitted, string? stored, Func<string?, string?> mask) =>
        stored is not null && submitted is not null && submitted.Contains('*', StringComparison.Ordinal) && submitted == mask(stored)
            ? stored
            : submitted;
}
