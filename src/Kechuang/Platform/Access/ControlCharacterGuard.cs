using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace Kechuang.Platform.Access;

/// <summary>
/// Refuses control characters (Unicode Cc: U+0000–U+001F, U+007F–U+009F) in every text a request carries —
/// its path, its query string, a JSON body (escaped or not, at any depth) and a URL-encoded form — with a 400
/// naming the field, before any handler runs. PostgreSQL refuses NUL in text outright (a 500 otherwise), and no
/// field of Kechuang is multi-line, so tab and line breaks are refused too: a name or a code never holds them.
/// Multipart uploads are not read here; the import kit checks the cells of a file itself.
/// </summary>
public sealed class ControlCharacterGuard(RequestDelegate next)
{
    public const string Message = "不能包含控制字符（如 NUL、制表符、换行符），请删除后重试";

    public async Task InvokeAsync(HttpContext context)
    {
        var field = InPath(context.Request) ?? InQuery(context.Request.Query) ?? await InBodyAsync(context);
        if (field is not null)
        {
            await Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [Message] },
                title: "输入有误：含有控制字符", extensions: new Dictionary<string, object?> { ["code"] = "input.control-character" })
                .ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    public static bool HasControl(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }
        return false;
    }

    private static string? InPath(HttpRequest request) =>
        HasControl(request.PathBase.Value) || HasControl(request.Path.Value) ? "path" : null;

    private static string? InQuery(IQueryCollection query)
    {
        foreach (var (key, values) in query)
        {
            if (HasControl(key) || Any(values))
            {
                return key;
            }
        }
        return null;
    }

    private static bool Any(StringValues values)
    {
        foreach (var value in values)
        {
            if (HasControl(value))
            {
                return true;
            }
        }
        return false;
    }

    private static async Task<string?> InBodyAsync(HttpContext context)
    {
        var request = context.Request;
        // The circuit's own traffic is not form or JSON input.
        if (request.Path.StartsWithSegments("/_blazor") || request.ContentLength == 0 || request.ContentType is not { } type)
        {
            return null;
        }
        if (request.HasFormContentType)
        {
            if (type.Contains("multipart/", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            request.EnableBuffering();
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException)
            {
                // The form reader itself refuses a NUL; find the field by reading the form as text.
                request.Body.Position = 0;
                using var text = new StreamReader(request.Body, leaveOpen: true);
                return InFormText(await text.ReadToEndAsync(context.RequestAborted)) ?? "form";
            }
            foreach (var (key, values) in form)
            {
                if (HasControl(key) || Any(values))
                {
                    return key;
                }
            }
            return null;
        }
        if (!IsJson(type))
        {
            return null;
        }
        request.EnableBuffering();
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, context.RequestAborted);
        request.Body.Position = 0;
        return InJson(copy.GetBuffer().AsSpan(0, (int)copy.Length));
    }

    private static string? InFormText(string body)
    {
        foreach (var pair in body.Split('&'))
        {
            var parts = pair.Split('=', 2);
            var key = Unescape(parts[0]);
            if (HasControl(key) || (parts.Length == 2 && HasControl(Unescape(parts[1]))))
            {
                return HasControl(key) ? "form" : key;
            }
        }
        return null;
    }

    private static string Unescape(string part)
    {
        try
        {
            return Uri.UnescapeDataString(part.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return part;
        }
    }

    private static bool IsJson(string contentType)
    {
        var media = contentType.Split(';', 2)[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || media.Equals("text/json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The name of the first property whose text (or name) holds a control character, or null; malformed JSON is left to the endpoint.</summary>
    internal static string? InJson(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var names = new List<string?>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        names.Add(property);
                        property = null;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        property = names.Count > 0 ? names[^1] : null;
                        names.RemoveAt(names.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        if (HasControl(property))
                        {
                            return "body";
                        }
                        break;
                    case JsonTokenType.String:
                        if (MayHoldControl(ref reader) && HasControl(reader.GetString()))
                        {
                            return Path(names, property);
                        }
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }

    // Unescaped JSON text cannot hold C0 characters; DEL and C1 (UTF-8 C2 80–C2 9F) can.
    private static bool MayHoldControl(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return true;
        }
        var raw = reader.ValueSpan;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == 0x7F || (raw[i] == 0xC2 && i + 1 < raw.Length && raw[i + 1] is >= 0x80 and <= 0x9F))
            {
                return true;
            }
        }
        return false;
    }

    private static string Path(List<string?> names, string? property)
    {
        var parts = names.Where(n => n is not null).Append(property).Where(n => n is not null).ToList();
        return parts.Count == 0 ? "body" : string.Join('.', parts);
    }
}
