using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Kechuang.Platform.Validation;

namespace Kechuang.Platform.Problems;

/// <summary>
/// How the API reads JSON beyond the framework's defaults: dates are read as the framework reads them and then held
/// to <see cref="PlausibleDates"/>. Output is written exactly as the defaults write it.
/// </summary>
public static class InputJson
{
    public static IServiceCollection AddInputJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new PlausibleDate<DateOnly>(JsonMetadataServices.DateOnlyConverter, d => d.Year));
            o.SerializerOptions.Converters.Add(new PlausibleDate<DateTime>(JsonMetadataServices.DateTimeConverter, d => d.Year));
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

    private sealed class PlausibleDate<T>(JsonConverter<T> defaults, Func<T, int> year) : JsonConverter<T>
        where T : struct
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = defaults.Read(ref reader, typeToConvert, options);
            return PlausibleDates.Contains(year(value)) ? value : throw new JsonException(PlausibleDates.Message);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => defaults.Write(writer, value, options);
    }
}
