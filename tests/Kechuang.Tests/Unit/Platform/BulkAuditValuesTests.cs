using Kechuang.Modules.Contracts;
using Kechuang.Platform.Audit;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Kechuang.Tests.Unit.Platform;

/// <summary>A bulk write's audit values are exactly what a save writes (docs/adr/008); the import upload limit.</summary>
public sealed class BulkAuditValuesTests
{
    [Fact]
    public void Created_EqualsTheSavesJson_ForEveryKindOfValue()
    {
        var model = new SqliteDesignTimeFactory().CreateDbContext([]).Model;
        var shape = BulkInsert.TableShape.Of(model, typeof(TechContract));
        var fields = new ContractFields("含\"引号\"与中文 <b>&", ContractType.Transfer, TransferKind.Patent, Guid.CreateVersion7(), Guid.CreateVersion7(),
            new DateOnly(2022, 3, 15), 12_345_678, 10_000_001);
        var contract = new TechContract(fields, "330723101", "Excel 导入", new DateTime(2026, 3, 2, 1, 0, 0, 123, DateTimeKind.Utc));
        contract.ImportAsRegistered(Guid.CreateVersion7(), "HIST12345678", new DateOnly(2022, 4, 1), new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc));
        var entityType = model.FindEntityType(typeof(TechContract))!;

        var bulk = AuditRecorder.Created(shape.Audited, contract);
        var saved = AuditRecorder.Reference(entityType.GetProperties().Select(p => (p.Name, p.GetGetter().GetClrValueUsingContainingEntity(contract))));

        Assert.Equal(saved, bulk);
        Assert.Contains("\"Status\":", bulk);
        Assert.Contains("\"RefusalReason\":null", bulk);
    }

    [Fact]
    public void CompiledWriter_EqualsTheSavesJson_AndTheHashIsTheEntrysHash()
    {
        var model = new SqliteDesignTimeFactory().CreateDbContext([]).Model;
        var shape = BulkInsert.TableShape.Of(model, typeof(TechContract));
        var fields = new ContractFields("含\"引号\"与中文 <b>&\u2028", ContractType.Transfer, TransferKind.Patent, Guid.CreateVersion7(), Guid.CreateVersion7(),
            new DateOnly(2022, 3, 15), 12_345_678, 10_000_001);
        var registered = new TechContract(fields, "330723101", "Excel 导入", new DateTime(2026, 3, 2, 1, 0, 0, 123, DateTimeKind.Utc));
        registered.ImportAsRegistered(Guid.CreateVersion7(), "HIST12345678", new DateOnly(2022, 4, 1), new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc));
        var submitted = new TechContract(fields with { TransferKind = null, Type = ContractType.Consulting }, "330723", null, new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc));
        var entityType = model.FindEntityType(typeof(TechContract))!;

        foreach (var contract in new[] { registered, submitted })
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Encoder = AuditRecorder.Encoder }))
            {
                shape.WriteAudit(writer, contract);
            }
            var compiled = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
            var saved = AuditRecorder.Reference(entityType.GetProperties().Select(p => (p.Name, p.GetGetter().GetClrValueUsingContainingEntity(contract))));
            Assert.Equal(saved, compiled);

            var scratch = new byte[16];
            var at = new DateTime(2026, 3, 2, 1, 0, 0, 123, DateTimeKind.Utc).AddTicks(4560);
            var entry = new AuditEntry
            {
                Seq = 42,
                At = at,
                Account = "wuyi.staff",
                ClientAddress = null,
                Entity = shape.Name,
                EntityKey = contract.Id.ToString(),
                Action = "create",
                After = compiled,
                PrevHash = AuditEntry.GenesisHash,
            };
            Assert.Equal(entry.ComputeHash(), AuditEntry.CreateHash(ref scratch, 42, AuditEntry.HashedTime(at), "wuyi.staff", null, shape.Name,
                contract.Id.ToString(), buffer.WrittenSpan, AuditEntry.GenesisHash));
            // The chain's format: fields joined by U+001F, hashed as UTF-8 — with SM3 now, with SHA-256 before the switch.
            var payload = System.Text.Encoding.UTF8.GetBytes(string.Join('\u001f', "42", AuditEntry.HashedTime(at), "wuyi.staff", "", shape.Name,
                contract.Id.ToString(), "create", "", compiled, AuditEntry.GenesisHash));
            Assert.Equal(Kechuang.Tests.Integration.Platform.AuditHashSwitchTests.Sm3Hex(payload), entry.ComputeHash());
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(payload)), entry.ComputeHash(ChainHashKind.Sha256));
        }
    }

    [Theory]
    [InlineData(null, 64)]
    [InlineData("30", 30)]
    public void UploadLimit_IsConfigurable_AndOverItIsA413WithTheLimit(string? setting, int megabytes)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ImportUpload.Setting] = setting }).Build();

        ImportUpload.EnsureWithinLimit(megabytes * 1024L * 1024L, configuration);
        var tooLarge = Assert.Throws<PayloadTooLargeException>(() => ImportUpload.EnsureWithinLimit((megabytes * 1024L * 1024L) + 1, configuration));

        Assert.Equal($"文件不能超过 {megabytes} MB，请拆分为几个文件分批导入", tooLarge.Message);
        Assert.Equal(413, ProblemHandler.Map(tooLarge).Status);
    }
}
