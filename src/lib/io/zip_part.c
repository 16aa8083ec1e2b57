/* zip_part.c - reading a zip package's parts through minizip (zip_part.h). */
#include "zip_part.h"

#include <errno.h>
#include <minizip/unzip.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "error.h"

struct ras_zip {
    unzFile uz;
    FILE *in;
    const char *name; /* the file's, for messages */
    uint64_t file_size;
    /* the open part */
    char part[256];
    bool open;
    uint64_t got, limit, compressed;
    const char *limit_what;
};

/* ---- minizip's file functions over the caller's stream ------------ */

/* minizip passes the "file name" given to unzOpen2_64 to this function:
 * it is the stream itself. */
static voidpf zf_open(voidpf opaque, const void *filename, int mode)
{
    (void)opaque;
    (void)mode;
    voidpf stream;
    memcpy(&stream, &filename, sizeof stream); /* the pointer, without its const */
    return stream;
}

static uLong zf_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
    (void)opaque;
    return (uLong)fread(buf, 1, (size_t)size, (FILE *)stream);
}

static uLong zf_write(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
    (void)opaque;
    (void)stream;
    (void)buf;
    (void)size;
    return 0; /* read only */
}

static ZPOS64_T zf_tell(voidpf opaque, voidpf stream)
{
    (void)opaque;
    off_t at = ftello((FILE *)stream);
    return at < 0 ? (ZPOS64_T)-1 : (ZPOS64_T)at;
}

static long zf_seek(voidpf opaque, voidpf stream, ZPOS64_T offset, int origin)
{
    (void)opaque;
    int whence = origin == ZLIB_FILEFUNC_SEEK_CUR   ? SEEK_CUR
                 : origin == ZLIB_FILEFUNC_SEEK_END ? SEEK_END
                                                    : SEEK_SET;
    if (offset > (ZPOS64_T)INT64_MAX)
        return -1;
    return fseeko((FILE *)stream, (off_t)offset, whence) == 0 ? 0 : -1;
}

static int zf_close(voidpf opaque, voidpf stream)
{
    (void)opaque;
    (void)stream;
    return 0; /* the caller's stream */
}

static int zf_error(voidpf opaque, voidpf stream)
{
    (void)opaque;
    return ferror((FILE *)stream);
}

/* ---- the package --------------------------------------------------- */

ras_status ras_zip_open(ras_zip **out, FILE *in, const char *name, ras_error *err)
{
    *out = NULL;
    if (fseeko(in, 0, SEEK_END) != 0)
        return ras_fail(err, RAS_ERR_SYNTAX, name, 0, 0, NULL,
                        "a workbook must be read from a file, not a pipe (a zip is read from its "
                        "end): give the file's name");
    off_t size = ftello(in);
    ras_zip *z = calloc(1, sizeof *z);
    if (!z)
        return ras_fail(err, RAS_ERR_NOMEM, name, 0, 0, NULL, "out of memory");
    z->in = in;
    z->name = name;
    z->file_size = size > 0 ? (uint64_t)size : 0;
    zlib_filefunc64_def io = {zf_open, zf_read,  zf_write, zf_tell,
                              zf_seek, zf_close, zf_error, NULL};
    z->uz = unzOpen2_64((const void *)in, &io);
    if (!z->uz) {
        free(z);
        return ras_fail(err, RAS_ERR_SYNTAX, name, 0, 0, NULL,
                        "not a readable workbook: the zip is cut short or damaged (no central "
                        "directory)");
    }
    *out = z;
    return RAS_OK;
}

void ras_zip_close(ras_zip *z)
{
    if (!z)
        return;
    ras_zip_part_close(z);
    unzClose(z->uz);
    free(z);
}

bool ras_zip_has(ras_zip *z, const char *part)
{
    return unzLocateFile(z->uz, part, 1) == UNZ_OK;
}

ras_status ras_zip_part_open(ras_zip *z, const char *part, uint64_t limit, const char *limit_what,
                             ras_error *err)
{
    ras_zip_part_close(z);
    if (strlen(part) >= sizeof z->part)
        return ras_fail(err, RAS_ERR_SYNTAX, z->name, 0, 0, NULL, "a part name is too long");
    if (unzLocateFile(z->uz, part, 1) != UNZ_OK)
        return ras_fail(err, RAS_ERR_SYNTAX, z->name, 0, 0, NULL,
                        "the workbook has no part %s (it is damaged, or not an .xlsx workbook)",
                        part);
    unz_file_info64 info;
    if (unzGetCurrentFileInfo64(z->uz, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK)
        return ras_fail(err, RAS_ERR_SYNTAX, z->name, 0, 0, NULL, "%s: its zip entry is damaged",
                        part);
    if (info.flag & 1u)
        return ras_fail(err, RAS_ERR_SYNTAX, z->name, 0, 0, NULL,
                        "%s is encrypted: save the workbook without a password, as .xlsx or CSV",
                        part);
    if (info.compression_method != 0 && info.compression_method != Z_DEFLATED)
        return ras_fail(err, RAS_ERR_SYNTAX, z->name, 0, 0, NULL,
                        "%s uses zip compression method %lu (only stored and deflated are read)",
                        part, (unsigned long)info.compression_method);
    if (info.compressed_size > z->file_size)
        return ras_fail(err, RAS_ERR_SYNTAX, z->name, 0, 0, NULL,
                        "%s: the zip says it is larger than the file (the file is cut short)",
                        part);
    if (unzOpenCurrentFile(z->uz) != UNZ_OK)
        return ras_fail(err, RAS_ERR_SYNTAX, z->name, 0, 0, NULL,
                        "%s: its zip entry cannot be opened (the file is damaged)", part);
    memcpy(z->part, part, strlen(part) + 1);
    z->open = true;
    z->got = 0;
    z->limit = limit;
    z->limit_what = limit_what;
    z->compressed = info.compressed_size;
    return RAS_OK;
}

ras_status ras_zip_part_read(ras_zip *z, char *buf, size_t size, size_t *got, ras_error *err)
{
    *got = 0;
    if (!z->open)
        return RAS_OK;
    if (size > (size_t)1 << 30)
        size = (size_t)1 << 30;
    int n = unzReadCurrentFile(z->uz, buf, (unsigned)size);
    if (n < 0) {
        int e = errno;
        if (n == UNZ_ERRNO && ferror(z->in))
            return ras_fail(err, RAS_ERR_IO, z->name, 0, 0, NULL, "cannot read %s: %s", z->name,
                            e ? strerror(e) : "read error");
        return ras_fail(err, RAS_ERR_SYNTAX, z->name, 0, 0, NULL,
                        "%s cannot be uncompressed: the file is cut short or damaged", z->part);
    }
    if (n == 0) {
        /* the end: the checksum is checked on closing */
        int rc = unzCloseCurrentFile(z->uz);
        z->open = false;
        if (rc == UNZ_CRCERROR)
            return ras_fail(err, RAS_ERR_SYNTAX, z->name, 0, 0, NULL,
                            "%s fails its checksum: the file is damaged", z->part);
        return RAS_OK;
    }
    z->got += (uint64_t)n;
    if (z->got > z->limit)
        return ras_fail(err, RAS_ERR_LIMIT, z->name, 0, 0, NULL,
                        "%s is larger than %llu bytes uncompressed (%s)", z->part,
                        (unsigned long long)z->limit, z->limit_what);
    if (z->got > RAS_ZIP_RATIO_FROM && z->got / RAS_ZIP_RATIO_MAX > z->compressed)
        return ras_fail(err, RAS_ERR_LIMIT, z->name, 0, 0, NULL,
                        "%s expands more than %u times its compressed size, like a zip bomb "
                        "(the limit on the compression ratio)",
                        z->part, RAS_ZIP_RATIO_MAX);
    *got = (size_t)n;
    return RAS_OK;
}

void ras_zip_part_close(ras_zip *z)
{
    if (z && z->open) {
        unzCloseCurrentFile(z->uz);
        z->open = false;
    }
}
