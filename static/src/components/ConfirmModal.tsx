/**
 * The one confirmation dialog of the app (Atlaskit modal): a title, what will happen, and two buttons. Used
 * before writing to Jira, before replacing edited work (re-propose) and before leaving unsaved changes.
 */
import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import { type ReactNode, useEffect } from 'react';
import { followVisibleBand, offsetIntoBand } from './frame-viewport';

/**
 * Keeps an open dialog in the middle of the part of the frame the user sees (see frame-viewport.ts), following
 * the host's scroll; a dialog taller than the visible part is scrolled into view instead.
 */
function useDialogInView(open: boolean, testId: string): void {
  useEffect(() => {
    if (!open) return undefined;
    let frame = 0;
    let stop: (() => void) | null = null;
    const attach = () => {
      const el = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
      if (el === null) {
        frame = requestAnimationFrame(attach);
        return;
      }
      stop = followVisibleBand((b) => {
        el.style.transform = '';
        const r = el.getBoundingClientRect();
        const dy = offsetIntoBand({ top: r.top, height: r.height }, b);
        if (dy === null) el.scrollIntoView({ block: 'nearest' });
        else el.style.transform = `translateY(${dy}px)`;
      });
    };
    attach();
    return () => {
      cancelAnimationFrame(frame);
      stop?.();
    };
  }, [open, testId]);
}

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
  const testId = `confirm-${title.replace(/\W+/g, '-').toLowerCase()}`;
  useDialogInView(open, testId);
  return (
    <ModalTransition>
      {open && (
        <Modal
          onClose={onCancel}
          width={width}
          shouldScrollInViewport={false}
          testId={testId}
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
