#ifndef VANBAN_CRYPTO_SHIM_H
#define VANBAN_CRYPTO_SHIM_H

/* The only place in VanBan that includes OpenSSL's libcrypto headers: SHA-256 for
   VanBanModel's SHA256Digest (image names, batch manifest checksums, register records)
   through the one-shot SHA256() and the EVP digest interface, neither deprecated in
   OpenSSL 3. */
#include <openssl/evp.h>
#include <openssl/sha.h>

#endif
