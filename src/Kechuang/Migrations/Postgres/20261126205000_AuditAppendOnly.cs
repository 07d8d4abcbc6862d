using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Postgres
{
    /// <summary>The audit log is append-only in the database itself, and keeps every entry for 180 days.</summary>
    [DbContext(typeof(PostgresKechuangDb))]
    [Migration("20261126205000_AuditAppendOnly")]
    public partial class AuditAppendOnly : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_entry_guard() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' THEN
                        RAISE EXCEPTION 'audit_entry is append-only';
                    END IF;
                    IF OLD.at > now() - interval '180 days' THEN
                        RAISE EXCEPTION 'audit entries younger than 180 days are kept';
                    END IF;
                    RETURN OLD;
                END $$;
                CREATE TRIGGER audit_entry_guard BEFORE UPDATE OR DELETE ON audit_entry
                    FOR EACH ROW EXECUTE FUNCTION audit_entry_guard();
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entry_guard ON audit_entry; DROP FUNCTION IF EXISTS audit_entry_guard();");
        }
    }
}
