#include <openssl/crypto.h>
#include <stdio.h>
#include <yaml.h>

#include "ras.h"

const char *ras_version(void)
{
    return RAS_VERSION_STRING;
}

int ras_version_number(void)
{
    return RAS_VERSION_NUMBER;
}

size_t ras_build_info(char *buf, size_t size)
{
    /* Runtime versions: what the loader and the fingerprints really use. */
    int n = snprintf(buf, size, "libyaml %s, %s", yaml_get_version_string(),
                     OpenSSL_version(OPENSSL_VERSION));
    return n < 0 ? 0 : (size_t)n;
}
