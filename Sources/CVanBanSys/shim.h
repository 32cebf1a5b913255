#ifndef VANBAN_SYS_SHIM_H
#define VANBAN_SYS_SHIM_H

/* System calls Swift's Glibc module does not declare. */
#ifdef __linux__
#include <unistd.h>
/* syncfs(2): glibc declares it only under _GNU_SOURCE. A batch makes every file it
   wrote durable with one syncfs before it writes its manifest. */
extern int syncfs(int fd);
#endif

#endif
