using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Sqlite
{
    /// <summary>The audit log is append-only in the database itself, and keeps every entry for 180 days.</summary>
    [DbContext(typeof(SqliteKechuangDb))]
    [Migration("20261126205000_AuditAppendOnly")]
    public partial class AuditAppendOnly : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER audit_entry_keep_180_days BEFORE DELETE ON audit_entry WHEN old.at > datetime('now', '-180 days') BEGIN SELECT RAISE(ABORT, 'audit entries younger than 180 days are kept'); END;");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entry_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entry_keep_180_days;");
        }
    }
}
