using System.Security.Cryptography;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kechuang.Modules.Contracts;

/// <summary>
/// 合同附件: a file attached to a contract (the signed contract, a technical plan, invoices). The
/// metadata (name, size, content type, SHA-256, who uploaded it when) is a scoped, audited record;
/// the bytes live in <see cref="ContractAttachmentContent"/>, in the database like every other fact
/// (several nodes share PostgreSQL and no file system; ARCHITECTURE "Scale-out"). The audit log keeps
/// the SHA-256, not the bytes. Scoped like its contract (the seller's region and organisation).
/// </summary>
public sealed class ContractAttachment : IOrganizationScoped
{
    public const int FileNameMax = 200;
    public const long MaxBytes = 20 * 1024 * 1024;

    private ContractAttachment()
    {
    }

    public ContractAttachment(TechContract contract, string fileName, string contentType, long size, string sha256, string account, DateTime at)
    {
        Id = Guid.CreateVersion7();
        ContractId = contract.Id;
        RegionCode = contract.RegionCode;
        OrganizationId = contract.OrganizationId;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        UploadedBy = account;
        UploadedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid ContractId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public Guid? OrganizationId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";

    /// <summary>Bytes.</summary>
    public long Size { get; private set; }

    /// <summary>SHA-256 of the content, lower-case hex: anyone can check a downloaded copy against it.</summary>
    public string Sha256 { get; private set; } = "";

    public string UploadedBy { get; private set; } = "";
    public DateTime UploadedAt { get; private set; }
}

/// <summary>The bytes of an attachment; not audited itself (its metadata entry carries the SHA-256).</summary>
public sealed class ContractAttachmentContent : INotAudited
{
    private ContractAttachmentContent()
    {
    }

    public ContractAttachmentContent(Guid attachmentId, byte[] content)
    {
        AttachmentId = attachmentId;
        Content = content;
    }

    public Guid AttachmentId { get; private set; }
    public byte[] Content { get; private set; } = [];
}

public sealed class ContractAttachmentConfiguration : IEntityTypeConfiguration<ContractAttachment>, IEntityTypeConfiguration<ContractAttachmentContent>
{
    public void Configure(EntityTypeBuilder<ContractAttachment> builder)
    {
        builder.ToTable("contracts_attachment");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.RegionCode).HasMaxLength(12);
        builder.Property(a => a.FileName).HasMaxLength(ContractAttachment.FileNameMax);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.UploadedBy).HasMaxLength(100);
        builder.HasIndex(a => new { a.ContractId, a.UploadedAt });
        builder.HasOne<TechContract>().WithMany().HasForeignKey(a => a.ContractId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ContractAttachmentContent> builder)
    {
        builder.ToTable("contracts_attachment_content");
        builder.HasKey(c => c.AttachmentId);
        builder.HasOne<ContractAttachment>().WithOne().HasForeignKey<ContractAttachmentContent>(c => c.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed record AttachmentItem(Guid Id, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTime UploadedAt, string DownloadUrl);

public sealed record AttachmentFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// A contract's attachments. Whoever can see the contract (its data scope: staff of its region, the seller's own
/// account) can list and download; the seller's account and staff can upload while it is not refused. Uploads are
/// audited by the save (metadata with the SHA-256); downloads are audited as events. A contract outside the caller's
/// scope is "not found".
/// </summary>
public sealed class UploadContractAttachmentHandler(KechuangDb db)
{
    public async Task<Guid> HandleAsync(Guid contractId, string? fileName, Stream content, long length, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ContractsPermissions.Change);
        var contract = await ContractAttachments.ContractAsync(db, contractId, cancellationToken);
        if (contract.Status == ContractStatus.Refused)
        {
            throw new RuleException("contracts.attachment-refused", "不予登记的合同不能再上传附件");
        }
        var errors = new FieldErrors();
        var name = ContractsRules.ValidateAttachment(fileName, length, errors);
        errors.ThrowIfAny();
        if (length > ContractAttachment.MaxBytes)
        {
            throw new PayloadTooLargeException($"附件不能超过 {ContractAttachment.MaxBytes / 1024 / 1024} MB");
        }
        using var buffer = new MemoryStream((int)length);
        await content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var attachment = new ContractAttachment(contract, name, ContractsRules.AttachmentContentType(name),
            bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(bytes)), db.User.UserName, db.UtcNow);
        db.Add(attachment);
        db.Add(new ContractAttachmentContent(attachment.Id, bytes));
        await db.SaveChangesAsync(cancellationToken);
        return attachment.Id;
    }
}

public sealed class ListContractAttachmentsHandler(KechuangDb db)
{
    public async Task<Paged<AttachmentItem>> HandleAsync(Guid contractId, CancellationToken cancellationToken = default)
    {
        await ContractAttachments.ContractAsync(db, contractId, cancellationToken);
        var items = await db.Set<ContractAttachment>().AsNoTracking().Where(a => a.ContractId == contractId)
            .OrderBy(a => a.UploadedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        return new Paged<AttachmentItem>(items.Select(a => new AttachmentItem(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedBy, a.UploadedAt,
            $"/api/v1/contracts/{contractId}/attachments/{a.Id}")).ToList(), items.Count);
    }
}

public sealed class DownloadContractAttachmentHandler(KechuangDb db)
{
    public async Task<AttachmentFile> HandleAsync(Guid contractId, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        await ContractAttachments.ContractAsync(db, contractId, cancellationToken);
        var attachment = await db.Set<ContractAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.ContractId == contractId, cancellationToken)
            ?? throw new NotFoundException("附件不存在或不在您的数据范围内");
        var content = await db.Set<ContractAttachmentContent>().AsNoTracking().Where(c => c.AttachmentId == attachmentId)
            .Select(c => c.Content).SingleAsync(cancellationToken);
        db.AuditEvent("contracts_attachment", attachment.Id.ToString(), "download", $"{{\"sha256\":\"{attachment.Sha256}\"}}");
        await db.SaveChangesAsync(cancellationToken);
        return new AttachmentFile(attachment.FileName, ContractsRules.AttachmentContentType(attachment.FileName), content);
    }
}

internal static class ContractAttachments
{
    /// <summary>The contract, when the caller may read contracts and it lies within the caller's data scope.</summary>
    public static async Task<TechContract> ContractAsync(KechuangDb db, Guid id, CancellationToken cancellationToken)
    {
        db.User.Demand(ContractsPermissions.Read);
        return await db.Set<TechContract>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("合同不存在或不在您的数据范围内");
    }
}
