using Microsoft.AspNetCore.Http.Metadata;

namespace Kechuang.Platform.Excel;

/// <summary>
/// The size limit of .xlsx import uploads. Configurable as <c>Imports:MaxUploadMegabytes</c> (default
/// 64 MB: a 200,000-row contract sheet is about 25 MB). An import endpoint raises the server's request
/// limit (Kestrel's default is about 28.6 MB) and the multipart limit to this size plus the multipart
/// envelope; a file over the limit is answered 413 with a Chinese message that names the limit; a
/// request far over it is cut by the server and answered 413 "上传的文件过大".
/// </summary>
public static class ImportUpload
{
    public const string Setting = "Imports:MaxUploadMegabytes";
    public const int DefaultMegabytes = 64;
    private const long Envelope = 1024 * 1024;

    public static int MaxMegabytes(IConfiguration configuration) =>
        configuration.GetValue<int?>(Setting) is int configured and > 0 ? configured : DefaultMegabytes;

    public static long MaxBytes(IConfiguration configuration) => MaxMegabytes(configuration) * 1024L * 1024L;

    /// <summary>On an import endpoint (multipart field <c>file</c>): the raised limits, and no anti-forgery token (API clients).</summary>
    public static RouteHandlerBuilder AcceptsImportFile(this RouteHandlerBuilder builder, IEndpointRouteBuilder app)
    {
        var max = MaxBytes(app.ServiceProvider.GetRequiredService<IConfiguration>()) + Envelope;
        return builder.WithMetadata(new RequestSizeLimit(max)).WithFormOptions(multipartBodyLengthLimit: max).DisableAntiforgery();
    }

    /// <summary>413 with the limit in Chinese when the file is larger than allowed.</summary>
    public static void EnsureWithinLimit(long length, IConfiguration configuration)
    {
        if (length > MaxBytes(configuration))
        {
            throw new Problems.PayloadTooLargeException(TooLarge(configuration));
        }
    }

    public static string TooLarge(IConfiguration configuration) =>
        $"文件不能超过 {MaxMegabytes(configuration)} MB，请拆分为几个文件分批导入";

    private sealed class RequestSizeLimit(long max) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => max;
    }
}
