/**
 * The marriage-registration archive at the registrar's counter (婚姻登记档案管理办法 Art. 4; 2025 regulations
 * Art. 21): archive queries by a party's ID document number, each stating its purpose and requester and written to
 * the audit log; the registration-record certificate (婚姻登记记录证明) of what the archive holds for a person, or
 * that it holds none; and replacement certificates (补领) for a registration found in the archive. The archive's
 * facts belong to {@code marriage} ({@link cn.zs.civil.marriage.MarriageArchive}); the PDFs and their QR
 * verification to {@code documents}. A counter service done at once: no process.
 */
package cn.zs.civil.archive;
