using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Kechuang.Platform.Problems;

/// <summary>
/// How the API reads JSON beyond the framework's defaults. Dates are read as the framework reads them and then
/// held to years a record can mean (<see cref="FirstYear"/>–<see cref="LastYear"/>): "0001-01-01" parses, but an
/// auction or a park opened in year 1 is a slip of the keyboard or a client's empty value, and it would sort
/// before everything and fill every period's figures. Output is written exactly as the defaults write it.
/// </summary>
public static class InputJson
{
    public const int FirstYear = 1900;
    public const int LastYear = 2199;

    public static string RangeMessage => $"日期应在 {FirstYear} 年至 {LastYear} 年之间";

    public static IServiceCollection AddInputJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new PlausibleDateOnly());
            o.SerializerOptions.Converters.Add(new PlausibleDateTime());
        });

    /// <summary>The field a JSON error points at ("$.lots[0].endsAt" → "lots[0].endsAt"); null for the body as a whole.</summary>
    public static string? FieldOf(JsonException exception)
    {
        var path = exception.Path;
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    private sealed class PlausibleDateOnly : JsonConverter<DateOnly>
    {
        private static readonly JsonConverter<DateOnly> Default = JsonMetadataServices.DateOnlyConverter;

        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = Default.Read(ref reader, typeToConvert, options);
            return value.Year is >= FirstYear and <= LastYear ? value : throw new JsonException(RangeMessage);
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) => Default.Write(writer, value, options);
    }

    private sealed class PlausibleDateTime : JsonConverter<DateTime>
    {
        private static readonly JsonConverter<DateTime> Default = JsonMetadataServices.DateTimeConverter;

        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = Default.Read(ref reader, typeToConvert, options);
            return value.Year is >= FirstYear and <= LastYear ? value : throw new JsonException(RangeMessage);
        }

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) => Default.Write(writer, value, options);
    }
}
