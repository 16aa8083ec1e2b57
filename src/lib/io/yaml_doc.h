/* yaml_doc.h - a YAML document read whole into a small tree, the one way
 * the library reads YAML (models and cases). libyaml does the parsing; this
 * layer refuses what the formats forbid (anchors, aliases, tags, several
 * documents, duplicate keys, non-scalar keys, too deep or too large input)
 * and keeps every node's line and column for messages. */
#ifndef RAS_YAML_DOC_H
#define RAS_YAML_DOC_H

#include <stdint.h>

#include "arena.h"
#include "ras.h"

typedef enum ras_ynode_kind { RAS_YSCALAR, RAS_YMAP, RAS_YSEQ } ras_ynode_kind;

/* Kept small (40 bytes, a scalar's text right after it in the arena):
 * a document is mostly nodes, so their size is the reader's memory
 * (docs/performance.md, "Memory of a YAML file"). The 16 MiB file limit
 * keeps every count and position within 32 bits. */
typedef struct ras_ynode ras_ynode;
struct ras_ynode {
    /* scalars: the text (NUL-terminated, may hold NUL bytes within len) */
    const char *text;
    /* maps: n pairs, items[2k] the key (a scalar), items[2k+1] the value;
     * sequences: n items */
    ras_ynode **items;
    uint32_t line, column; /* 1-based, where the node starts */
    uint32_t len;          /* scalars: bytes of text */
    uint32_t n;
    ras_ynode_kind kind;
    bool plain; /* written without quotes, so `~`, `null` or empty mean null */
};

typedef struct ras_ydoc {
    ras_arena arena;  /* owns every node and text */
    const char *file; /* the source's name, for messages */
    ras_ynode *root;  /* NULL for an empty document */
} ras_ydoc;

/* Parses one document. On failure err holds FILE:LINE:COLUMN and libyaml's
 * problem (and its context) and the doc is left empty. */
ras_status ras_ydoc_parse(ras_ydoc *doc, const ras_source *src, ras_error *err);
void ras_ydoc_free(ras_ydoc *doc);

/* The value of a map's key, or NULL. */
const ras_ynode *ras_ymap_get(const ras_ynode *map, const char *key);

#endif
