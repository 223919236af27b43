/**
 * Field-level encryption: the keyring of master keys, per-subject data keys, the field cipher and
 * blind indexes. The only package that imports Bouncy Castle; it imports no other project package.
 */
package org.prisonerregistry.crypto;
