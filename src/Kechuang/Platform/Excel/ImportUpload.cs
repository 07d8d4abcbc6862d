using System.Reflection;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Metadata;

namespace Kechuang.Platform.Excel;

/// <summary>
/// The size limit of .xlsx import uploads. Configurable as <c>Imports:MaxUploadMegabytes</c> (default 64 MB: a
/// 200,000-row contract sheet is about 25 MB). Every import endpoint and page uses it through <see cref="ImportFile"/>
/// or <see cref="EnsureWithinLimit"/>; a file over it is answered 413 with a Chinese message that names the limit.
/// </summary>
public static class ImportUpload
{
    public const string Setting = "Imports:MaxUploadMegabytes";
    public const int DefaultMegabytes = 64;

    /// <summary>Room for the multipart envelope around the file (boundaries, part headers, a file name).</summary>
    internal const long Envelope = 64 * 1024;

    public static int MaxMegabytes(IConfiguration configuration) =>
        configuration.GetValue<int?>(Setting) is int configured and > 0 ? configured : DefaultMegabytes;

    public static long MaxBytes(IConfiguration configuration) => MaxMegabytes(configuration) * 1024L * 1024L;

    /// <summary>413 with the limit in Chinese when the file is larger than allowed.</summary>
    public static void EnsureWithinLimit(long length, IConfiguration configuration)
    {
        if (length > MaxBytes(configuration))
        {
            throw TooLargeException(configuration);
        }
    }

    public static string TooLarge(IConfiguration configuration) =>
        $"文件不能超过 {MaxMegabytes(configuration)} MB，请拆分为几个文件分批导入";

    /// <summary>
    /// The file chosen on an import page, within the same limit as the endpoints (a 400 on <c>file</c> naming the limit,
    /// for the page's problem list), copied to a temporary file rather than memory; the caller disposes it (deleted then).
    /// </summary>
    public static async Task<Stream> BufferAsync(Microsoft.AspNetCore.Components.Forms.IBrowserFile file, IConfiguration configuration,
        CancellationToken cancellationToken = default)
    {
        if (file.Size > MaxBytes(configuration))
        {
            throw Problems.InputException.For("file", TooLarge(configuration));
        }
        var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            await using (var upload = file.OpenReadStream(MaxBytes(configuration), cancellationToken))
            {
                await upload.CopyToAsync(buffer, cancellationToken);
            }
            buffer.Position = 0;
            return buffer;
        }
        catch
        {
            await buffer.DisposeAsync();
            throw;
        }
    }

    internal static Problems.PayloadTooLargeException TooLargeException(IConfiguration configuration) => new(TooLarge(configuration));
}

/// <summary>
/// The uploaded .xlsx of an import endpoint (multipart field <c>file</c>). Taking it as a parameter is all an
/// endpoint does: the request limit is raised to the import limit (Kestrel's default is about 28.6 MB), a request
/// whose declared length is over the limit is answered 413 before its body is read, a body that turns out longer is
/// cut where the limit is passed, and API clients send no anti-forgery token.
/// </summary>
public sealed class ImportFile : IEndpointParameterMetadataProvider
{
    private ImportFile(Stream stream, string? fileName, long length)
    {
        Stream = stream;
        FileName = fileName;
        Length = length;
    }

    /// <summary>The file's content, readable and seekable for the length of the request.</summary>
    public Stream Stream { get; }

    public string? FileName { get; }

    public long Length { get; }

    public static async ValueTask<ImportFile?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var configuration = context.RequestServices.GetRequiredService<IConfiguration>();
        var request = context.Request;
        if (request.ContentLength is long declared && declared > ImportUpload.MaxBytes(configuration) + ImportUpload.Envelope)
        {
            throw ImportUpload.TooLargeException(configuration);
        }
        if (!request.HasFormContentType)
        {
            throw Problems.InputException.For("file", "请以 multipart/form-data 上传 .xlsx 文件（字段名 file）");
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw ImportUpload.TooLargeException(configuration);
        }
        catch (InvalidDataException)
        {
            // The multipart reader's own limits (body, boundary, headers): for an upload, its size.
            throw ImportUpload.TooLargeException(configuration);
        }
        var file = form.Files.GetFile("file") ?? (form.Files.Count == 1 ? form.Files[0] : null)
            ?? throw Problems.InputException.For("file", "请选择要导入的 .xlsx 文件");
        ImportUpload.EnsureWithinLimit(file.Length, configuration);
        return new ImportFile(file.OpenReadStream(), file.FileName, file.Length);
    }

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        var configuration = builder.ApplicationServices.GetRequiredService<IConfiguration>();
        var max = ImportUpload.MaxBytes(configuration) + ImportUpload.Envelope;
        builder.Metadata.Add(new RequestSizeLimit(max));
        builder.Metadata.Add(new FormLimit(max));
        builder.Metadata.Add(new NoAntiforgery());
        builder.Metadata.Add(new AcceptsMetadata(["multipart/form-data"], typeof(IFormFile)));
    }

    private sealed class RequestSizeLimit(long max) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => max;
    }

    private sealed class FormLimit(long max) : IFormOptionsMetadata
    {
        public bool? BufferBody => null;
        public int? MemoryBufferThreshold => null;
        public long? BufferBodyLengthLimit => null;
        public int? ValueCountLimit => null;
        public int? KeyLengthLimit => null;
        public int? ValueLengthLimit => null;
        public int? MultipartBoundaryLengthLimit => null;
        public int? MultipartHeadersCountLimit => null;
        public int? MultipartHeadersLengthLimit => null;
        public long? MultipartBodyLengthLimit => max;
    }

    private sealed class NoAntiforgery : IAntiforgeryMetadata
    {
        public bool RequiresValidation => false;
    }
}
