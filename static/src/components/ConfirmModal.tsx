/**
 * The one confirmation dialog of the app (Atlaskit modal): a title, what will happen, and two buttons. Used
 * before writing to Jira, before replacing edited work (re-propose) and before leaving unsaved changes.
 */
import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import type { ReactNode } from 'react';

export function ConfirmModal({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  appearance = 'primary',
  busy = false,
  confirmDisabled = false,
  width = 'medium',
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  appearance?: 'primary' | 'warning' | 'danger';
  busy?: boolean;
  confirmDisabled?: boolean;
  width?: 'small' | 'medium' | 'large' | 'x-large';
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <ModalTransition>
      {open && (
        <Modal
          onClose={onCancel}
          width={width}
          shouldScrollInViewport={false}
          // The app's frame grows with its content, so "the viewport" is the whole page: bring the dialog into
          // the host's view (scrollIntoView reaches the host page) instead of leaving it off screen; centred, so
          // the host's fixed top bar does not cover its title or buttons.
          onOpenComplete={(el) => el.scrollIntoView({ block: 'center' })}
        >
          <ModalHeader>
            <ModalTitle appearance={appearance === 'primary' ? undefined : appearance}>{title}</ModalTitle>
          </ModalHeader>
          <ModalBody>{children}</ModalBody>
          <ModalFooter>
            <Button appearance="subtle" onClick={onCancel}>
              {cancelLabel}
            </Button>
            <Button appearance={appearance} isDisabled={busy || confirmDisabled} onClick={onConfirm} autoFocus>
              {confirmLabel}
            </Button>
          </ModalFooter>
        </Modal>
      )}
    </ModalTransition>
  );
}
