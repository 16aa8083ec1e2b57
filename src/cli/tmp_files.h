/* tmp_files.h - the temporaries of outputs being written, removed when
 * SIGINT, SIGTERM or SIGHUP ends the program before they are renamed into
 * place (docs/design.md, "Output files"). Only the names recorded here are
 * removed: other runs' temporaries are never touched. */
#ifndef RAS_CLI_TMP_FILES_H
#define RAS_CLI_TMP_FILES_H

#include <signal.h>

/* Records path (copied) as a temporary to remove on those signals, and
 * installs the handler the first time, only over a signal's default
 * action: a signal ignored when ras started (as under nohup) stays
 * ignored, and one a command handles itself (`ras ask` asks first on
 * SIGINT, and its writes end before it acts) stays its own. Returns the slot to forget, or -1 when
 * every slot is taken or the path is too long: that temporary is then
 * left on a signal, as before. */
int ras_tmp_record(const char *path);

/* Forgets a slot (its file was renamed or removed); -1 is ignored. */
void ras_tmp_forget(int slot);

/* Holds those signals back (old receives the mask to restore), so that a
 * rename and the forgetting of its temporary happen as one step. */
void ras_tmp_hold(sigset_t *old);
void ras_tmp_release(const sigset_t *old);

#endif
