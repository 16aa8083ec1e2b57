/* ras_export.h - symbol visibility. The shared library exports only what
 * is marked RAS_EXPORT; everything else is hidden. */
#ifndef RAS_EXPORT_H
#define RAS_EXPORT_H

#if defined(_WIN32) && !defined(RAS_STATIC)
#ifdef RAS_BUILDING
#define RAS_EXPORT __declspec(dllexport)
#else
#define RAS_EXPORT __declspec(dllimport)
#endif
#elif defined(__GNUC__)
#define RAS_EXPORT __attribute__((visibility("default")))
#else
#define RAS_EXPORT
#endif

#endif
